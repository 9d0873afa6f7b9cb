import { Socket } from 'node:net';

import { BUNDLED_CONTEXTS, OPEN_BADGES_CONTEXT_URL, VC_V2_CONTEXT_URL } from './contexts';
import { createDocumentLoader, DocumentLoaderError } from './document-loader';
import { didDocument, generateIssuerKey } from './issuer-key';

const did = 'did:web:127.0.0.1%3A3000';

describe('offline document loader', () => {
  // Every TCP connection (node:http, undici, fetch) goes through Socket#connect: none may be opened.
  let connectSpy: jest.SpyInstance;
  beforeEach(() => {
    connectSpy = jest.spyOn(Socket.prototype, 'connect');
  });
  afterEach(() => {
    expect(connectSpy).not.toHaveBeenCalled();
    connectSpy.mockRestore();
  });

  it('serves the bundled contexts, tagged static for jsonld.js to cache', async () => {
    const load = createDocumentLoader();
    expect(OPEN_BADGES_CONTEXT_URL).toBe('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json');
    for (const url of [VC_V2_CONTEXT_URL, OPEN_BADGES_CONTEXT_URL, 'https://www.w3.org/ns/did/v1']) {
      await expect(load(url)).resolves.toEqual({
        contextUrl: null,
        documentUrl: url,
        document: BUNDLED_CONTEXTS.get(url),
        tag: 'static',
      });
    }
  });

  it('refuses any other URL, naming it', async () => {
    const load = createDocumentLoader();
    const url = 'https://evil.example/context.jsonld';
    const error = await load(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentLoaderError);
    expect(error).toMatchObject({ code: 'UNKNOWN_DOCUMENT', url, message: expect.stringContaining(url) });
  });

  it('resolves DIDs and their keys through the resolver only', async () => {
    const key = await generateIssuerKey(did);
    const document = didDocument(did, [key]);
    const load = createDocumentLoader({ resolveDidDocument: (id) => (id === did ? document : undefined) });

    await expect(load(did)).resolves.toMatchObject({ document });
    await expect(load(key.id)).resolves.toMatchObject({
      document: {
        '@context': 'https://w3id.org/security/multikey/v1',
        id: key.id,
        type: 'Multikey',
        controller: did,
        publicKeyMultibase: key.publicKeyMultibase,
      },
    });
    await expect(load(`${did}#z6MkUnknown`)).rejects.toMatchObject({ code: 'UNKNOWN_KEY' });
    await expect(load('did:web:elsewhere.vn')).rejects.toMatchObject({
      code: 'UNKNOWN_ISSUER',
      message: expect.stringContaining('did:web:elsewhere.vn'),
    });
    await expect(load('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK')).rejects.toMatchObject({
      code: 'UNKNOWN_ISSUER',
    });
    // Without a resolver no DID is known.
    await expect(createDocumentLoader()(did)).rejects.toMatchObject({ code: 'UNKNOWN_ISSUER' });
  });

  it('refuses a DID document the resolver returns for another DID', async () => {
    const other = didDocument('did:web:elsewhere.vn', [await generateIssuerKey('did:web:elsewhere.vn')]);
    const load = createDocumentLoader({ resolveDidDocument: () => other });
    await expect(load(did)).rejects.toMatchObject({ code: 'UNKNOWN_ISSUER' });
  });

  it('serves status lists through the fetcher, and reports its failures', async () => {
    const list = { id: 'http://127.0.0.1:3000/status/1' };
    const load = createDocumentLoader({
      fetchStatusList: (url) => {
        if (url.endsWith('/broken')) throw new Error('database down');
        return url === list.id ? list : undefined;
      },
    });
    await expect(load(list.id)).resolves.toMatchObject({ document: list });
    await expect(load('http://127.0.0.1:3000/status/2')).rejects.toMatchObject({ code: 'UNKNOWN_DOCUMENT' });
    await expect(load('http://127.0.0.1:3000/status/broken')).rejects.toMatchObject({
      code: 'STATUS_UNAVAILABLE',
      message: expect.stringContaining('database down'),
    });
  });
});
