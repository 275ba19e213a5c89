export * from './api-client.ts';
export * from './capture-backend.ts';
export * from './child-process.ts';
export * from './free-port.ts';
export * from './icap-server.ts';
export * from './repo-root.ts';
export * from './start-stack.ts';
