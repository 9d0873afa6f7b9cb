import { didWebDocumentPath, didWebDocumentUrl, isDidWeb, issuerDid } from './did-web';

describe('did:web', () => {
  it.each([
    ['http://127.0.0.1:3000', 'did:web:127.0.0.1%3A3000'],
    ['http://127.0.0.1:3000/', 'did:web:127.0.0.1%3A3000'],
    ['https://hocvu.dienbien.gov.vn', 'did:web:hocvu.dienbien.gov.vn'],
    ['https://HOCVU.DienBien.gov.vn:443/', 'did:web:hocvu.dienbien.gov.vn'],
    ['https://hocvu.dienbien.gov.vn:8443', 'did:web:hocvu.dienbien.gov.vn%3A8443'],
    ['https://tinh.gov.vn/hocvu/', 'did:web:tinh.gov.vn:hocvu'],
    ['https://tinh.gov.vn/so-khcn/hocvu', 'did:web:tinh.gov.vn:so-khcn:hocvu'],
  ])('%s → %s', (baseUrl, did) => {
    expect(issuerDid(baseUrl)).toBe(did);
    expect(isDidWeb(did)).toBe(true);
  });

  it.each([
    ['did:web:127.0.0.1%3A3000', 'https://127.0.0.1:3000/.well-known/did.json', '/.well-known/did.json'],
    [
      'did:web:hocvu.dienbien.gov.vn',
      'https://hocvu.dienbien.gov.vn/.well-known/did.json',
      '/.well-known/did.json',
    ],
    [
      'did:web:tinh.gov.vn:so-khcn:hocvu',
      'https://tinh.gov.vn/so-khcn/hocvu/did.json',
      '/so-khcn/hocvu/did.json',
    ],
  ])('resolves %s at %s (path %s)', (did, url, path) => {
    expect(didWebDocumentUrl(did)).toBe(url);
    expect(didWebDocumentPath(did)).toBe(path);
  });

  it.each([
    'not a url',
    'ftp://example.vn',
    'https://user:pw@example.vn',
    'https://example.vn/?q=1',
    '/relative',
  ])('refuses the base URL %s', (baseUrl) => {
    expect(() => issuerDid(baseUrl)).toThrow(TypeError);
  });

  it.each([
    'did:key:z6Mkabc',
    'did:web:',
    'did:web:example.vn#key-1',
    'did:web:exa mple.vn',
    'did:web:example.vn::x',
  ])('does not take %s for a did:web', (did) => {
    expect(isDidWeb(did)).toBe(false);
    expect(() => didWebDocumentUrl(did)).toThrow(TypeError);
  });
});
