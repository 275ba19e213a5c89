import fp from 'fastify-plugin';

/**
 * Lets `app.close()` finish as soon as the requests in flight are answered. Node
 * only reaps idle keep-alive sockets on close; a connection that was opened but
 * never sent a request counts as busy and would hold the shutdown until its
 * headers timeout (a minute). Once nothing is in flight, every connection goes.
 */
export const gracefulClosePlugin = fp(
  async (fastify) => {
    let inFlight = 0;
    let isClosing = false;

    const closeIfDrained = () => {
      if (isClosing && inFlight === 0) fastify.server.closeAllConnections();
    };

    fastify.server.on('request', (_request, response) => {
      inFlight += 1;
      response.once('close', () => {
        inFlight -= 1;
        closeIfDrained();
      });
    });

    fastify.addHook('preClose', async () => {
      isClosing = true;
      // Open event streams end in their own preClose hook; each 'close' re-checks.
      closeIfDrained();
    });
  },
  { name: 'graceful-close' },
);
