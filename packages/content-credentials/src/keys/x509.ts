// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs the Reflect metadata API: this
// module loads the polyfill first, then the library, and hands it Node's Web Crypto. Import X.509 from here only.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export { x509 };
