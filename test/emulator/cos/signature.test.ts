import { parseCosRequest } from '../../../local/emulator/services/cos/request';
import { computeCosSignature, cosEncode, parseCosAuthorization } from '../../../local/emulator/services/cos/signature';

/** Official vectors of COS doc 436/7778 and the SDK-produced extras, as restated in reference §7a.7. */
const OFFICIAL_SECRET_KEY = 'BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz';
const OFFICIAL_HOST = 'examplebucket-1250000000.cos.ap-beijing.myqcloud.com';
const EXTRA_SECRET_KEY = 'EXAMPLEKEYEXAMPLEKEYEXAMPLEKEY00';
const EXTRA_HOST = 'examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com';

function scope(keyTime: string, headerList: string, parameterList: string) {
  return {
    signTime: keyTime,
    keyTime,
    headerList: headerList.split(';').filter(Boolean),
    parameterList: parameterList.split(';').filter(Boolean),
  };
}

describe('cosEncode', () => {
  it.each([
    ['text/plain', 'text%2Fplain'],
    ["a b!'()*", 'a%20b%21%27%28%29%2A'],
    ['uin="1"', 'uin%3D%221%22'],
    ['-_.~', '-_.~'],
    ['腾', '%E8%85%BE'],
  ])('encodes %j as %j', (input, expected) => {
    expect(cosEncode(input)).toBe(expected);
  });
});

describe('computeCosSignature', () => {
  it('reproduces official vector 1 (upload) at every step', () => {
    const request = parseCosRequest(
      { bucket: 'examplebucket-1250000000', appId: '1250000000', region: 'ap-beijing' },
      'PUT',
      '/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)',
      {
        date: 'Thu, 16 May 2019 06:45:51 GMT',
        host: OFFICIAL_HOST,
        'content-type': 'text/plain',
        'content-length': '13',
        'content-md5': 'mQ/fVh815F3k6TAUm8m0eg==',
        'x-cos-acl': 'private',
        'x-cos-grant-read': 'uin="100000000011"',
      },
      Buffer.from('ObjectContent'),
    );
    const steps = computeCosSignature(
      request,
      scope('1557989151;1557996351', 'content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read', ''),
      OFFICIAL_SECRET_KEY,
    );
    expect(steps.signKey).toBe('eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f');
    expect(steps.httpParameters).toBe('');
    expect(steps.httpHeaders).toBe(
      'content-length=13&content-md5=mQ%2FfVh815F3k6TAUm8m0eg%3D%3D&content-type=text%2Fplain&date=Thu%2C%2016%20May%202019%2006%3A45%3A51%20GMT&host=examplebucket-1250000000.cos.ap-beijing.myqcloud.com&x-cos-acl=private&x-cos-grant-read=uin%3D%22100000000011%22',
    );
    expect(steps.httpString.startsWith('put\n/exampleobject(腾讯云)\n\n')).toBe(true);
    expect(steps.httpStringSha1).toBe('8b2751e77f43a0995d6e9eb9477f4b685cca4172');
    expect(steps.signature).toBe('3b8851a11a569213c17ba8fa7dcf2abec6935172');
  });

  it('reproduces official vector 2 (download with signed query parameters)', () => {
    const request = parseCosRequest(
      { bucket: 'examplebucket-1250000000', appId: '1250000000', region: 'ap-beijing' },
      'GET',
      '/exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)?response-content-type=application%2Foctet-stream&response-cache-control=max-age%3D600',
      { date: 'Thu, 16 May 2019 06:55:53 GMT', host: OFFICIAL_HOST },
      Buffer.alloc(0),
    );
    const steps = computeCosSignature(
      request,
      scope('1557989753;1557996953', 'date;host', 'response-cache-control;response-content-type'),
      OFFICIAL_SECRET_KEY,
    );
    expect(steps.signKey).toBe('937914bf490e9e8c189836aad2052e4feeb35eaf');
    expect(steps.httpParameters).toBe(
      'response-cache-control=max-age%3D600&response-content-type=application%2Foctet-stream',
    );
    expect(steps.httpStringSha1).toBe('54ecfe22f59d3514fdc764b87a32d8133ea611e6');
    expect(steps.signature).toBe('01681b8c9d798a678e43b685a9f1bba0f6c0e012');
  });

  it.each([
    {
      name: 'PUT with x-cos-forbid-overwrite',
      method: 'PUT',
      url: '/inventory/2023-11-14T22:13:20Z.json',
      headers: { 'content-length': '13', 'content-type': 'application/json', host: EXTRA_HOST, 'x-cos-forbid-overwrite': 'true' },
      headerList: 'content-length;content-type;host;x-cos-forbid-overwrite',
      parameterList: '',
      sha1: '0486667aa4d6c45992d55c88f7438c242e8311c8',
      signature: 'd3454a156d346002c5aa06db0db947844464b986',
    },
    {
      name: 'GET Bucket with prefix, marker and max-keys',
      method: 'GET',
      url: '/?prefix=inventory%2F&marker=inventory%2Fa.json&max-keys=2',
      headers: { host: EXTRA_HOST },
      headerList: 'host',
      parameterList: 'marker;max-keys;prefix',
      sha1: '62c5d6e07549ce4bad4438b39a256dda4651af11',
      signature: '7b6e63ece218973908ee21897edd8166a9263b71',
    },
  ])('reproduces the SDK vector: $name', ({ method, url, headers, headerList, parameterList, sha1, signature }) => {
    const request = parseCosRequest(
      { bucket: 'examplebucket-1250000000', appId: '1250000000', region: 'ap-guangzhou' },
      method,
      url,
      headers,
      Buffer.alloc(0),
    );
    const steps = computeCosSignature(request, scope('1700000000;1700000900', headerList, parameterList), EXTRA_SECRET_KEY);
    expect(steps.signKey).toBe('30efb784b589933202b3f6f7db2443cd138be753');
    expect(steps.httpStringSha1).toBe(sha1);
    expect(steps.signature).toBe(signature);
  });
});

describe('parseCosAuthorization', () => {
  const header =
    'q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351&q-header-list=content-length;host&q-url-param-list=&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172';

  it('reads the seven fields', () => {
    expect(parseCosAuthorization(header)).toEqual({
      secretId: 'AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q',
      signTime: '1557989151;1557996351',
      keyTime: '1557989151;1557996351',
      headerList: ['content-length', 'host'],
      parameterList: [],
      signature: '3b8851a11a569213c17ba8fa7dcf2abec6935172',
    });
  });

  it.each([
    ['another algorithm', header.replace('q-sign-algorithm=sha1', 'q-sign-algorithm=sha256')],
    ['no q-signature', header.replace(/&q-signature=.*$/, '')],
    ['no q-url-param-list', header.replace('&q-url-param-list=', '')],
  ])('rejects %s', (_case, value) => {
    expect(parseCosAuthorization(value)).toBeUndefined();
  });
});
