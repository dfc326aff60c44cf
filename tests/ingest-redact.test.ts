import { describe, expect, it } from 'vitest';
import { redact, redactKnownSecrets } from '../ingest/redact.js';

describe('redaction rules', () => {
  it.each([
    ['Chinese password label', '阿里邮箱：x  密码：Elcvv179916！', 'Elcvv179916', 'password'],
    ['Chinese label with 是', '密码是 951!#%ndiytdkpr', 'ndiytdkpr', 'password'],
    ['Chinese label glued to its value', '用户名administrator密码951!#%abc', '951!#%abc', 'password'],
    ['口令 label', '口令：wrgrqbf99', 'wrgrqbf99', 'password'],
    ['table row with a tab', '商户平台登录密码\t117527', '117527', 'password'],
    ['English password label', 'password: upeufm01324296', 'upeufm01324296', 'password'],
    ['pass: label', 'pass: wrgrqbf', 'wrgrqbf', 'password'],
    ['quoted passwd attribute', "keymap='en-us' passwd='639adf6e68b3089b'", '639adf6e68b3089b', 'password'],
    ['JSON passwd', '{"user": "admin", "passwd":"12345678"}', '12345678', 'password'],
    ['PHP pwd with commented-out old values', "'pwd' => 'pwd',//'jznlhMvC235-05',//'TMsD8cfs',", 'jznlhMvC235-05', 'password'],
    ['password as a quoted argument', 'mysqladmin -u root password "newpwd"', 'newpwd', 'password'],
    ['ADMIN_TOKEN', 'keystone ADMIN_TOKEN:xikermktd', 'xikermktd', 'token'],
    ['IDENTIFIED BY', "GRANT ALL ON keystone.* TO 'keystone'@'%' IDENTIFIED BY 'xikermktd';", 'xikermktd', 'password'],
    ['keyring key', '[client.cinder]\n\tkey = AQNKdsqPjOmcVmUR++ZCdj7v5fQWDjYlaHB9LO==', 'AQNKdsqPjOmcVmUR', 'keyring-key'],
    ['access key pair', '"access_key": "IUWBYYFPN3W26D64T6E4",\n"secret_key": "rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ"', 'IUWBYYFPN3W26D64T6E4', 'access-key'],
    ['secret key of the pair', '"secret_key": "rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ"', 'rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ', 'secret-key'],
    ['credentials in a URL', 'wget ftp://gzfnyu:nanzcyy@203.156.198.3/kvm/win.img', 'nanzcyy', 'url-credentials'],
    ['key in a query string', 'weixin://wxpay/bizpayurl?appid=wx1&key=108366766f0c35846fd15adaf08b0d3e', '108366766f0c', 'token'],
    ['private key block', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA1', 'private-key'],
    ['e-mail address', 'SERVER_ADMIN: 8826334419@example.com', '8826334419@example.com', 'email'],
    ['QQ number before a QQ label', '8187899750  企业QQ密码：pId915049', '8187899750', 'account'],
    ['account after an account label', '账号：cepher_tina', 'cepher_tina', 'account'],
    ['value on the line after a lone label', '密码：\nqpw9hec6x', 'qpw9hec6x', 'password'],
    ['chap-secrets table', 'yemingjun\t*\tWu9Hk1yW3AxjCw9L\t\t192.168.0.101', 'Wu9Hk1yW3AxjCw9L', 'password'],
  ])('redacts %s', (_rule, input, secret, kind) => {
    const result = redact(input);
    expect(result.text).not.toContain(secret);
    expect(result.text).toContain(`[REDACTED:${kind}]`);
    expect(result.counts[kind as keyof typeof result.counts]).toBeGreaterThan(0);
  });

  it.each([
    ['the passwd command', 'sudo passwd root'],
    ['the word token in English prose', 'The client sends the token in the X-Auth-Token header.'],
    ['the word token in Chinese prose', '发送给keystone获取授权token,并填充到X-Auth-Token字段中'],
    ['a shell variable after a token header', 'curl -H "X-Auth-Token: $token" http://10.0.0.1/v2'],
    ['UUIDs', 'virsh secret-set-value --secret bfe573d1-0a91-42e8-941a-49d5730c4150 --base64 x'],
    ['IP addresses and ports', '连接113：210.14.78.113:9530'],
    ['secret and key as ordinary words', "<secret type='ceph' uuid='0f1c4968-0400-4205-805c-8b5b8861ee9b'/>"],
    ['密钥 in a sentence', 'Cephx使用共享秘密密钥进行认证'],
    ['a label with no value', '需要输入mysql密码\n3、如果第二步中跳过了输入名'],
    ['mkpasswd', 'mkpasswd.pl -l 16 -d 4 -C 6 -c 6 -s 0'],
  ])('keeps %s', (_case, input) => {
    const result = redact(input);
    expect(result.text).toBe(input);
    expect(result.counts).toEqual({});
  });

  it('keeps line numbers: a redacted private key leaves its line breaks', () => {
    const input = 'a\n-----BEGIN PRIVATE KEY-----\nAAA\nBBB\n-----END PRIVATE KEY-----\nb';
    expect(redact(input).text.split('\n')).toHaveLength(input.split('\n').length);
  });

  it('redacts a known secret pasted again without a label', () => {
    const first = redact("passwd='639adf6e68b3089b'");
    const again = redactKnownSecrets('vnc:\n639adf6e68b3089b\n', first.secrets);
    expect(again.text).toBe('vnc:\n[REDACTED:password]\n');
  });
});
