import type { TScreenModule } from '../../layout/screen-routes.ts';
import { dnsLoader, DnsPage } from './dns-page.tsx';
import { loggingLoader, LoggingPage } from './logging-page.tsx';

// Loaded on the first visit to a System screen (see the routes file).

export const dns: TScreenModule = { element: <DnsPage />, loader: dnsLoader };

export const logging: TScreenModule = { element: <LoggingPage />, loader: loggingLoader };
