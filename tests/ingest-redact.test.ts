import { describe, expect, it } from 'vitest';
import { redactFiles } from '../ingest/redact/index.js';

/** Redacts one text as a file of its own (both passes) and returns the text and the kinds found. */
function redactOne(text: string, notSecret: string[] = []) {
  const result = redactFiles([{ path: 'note.txt', text }], { notSecret });
  return { text: result.files[0]!.text, counts: result.counts, records: result.records };
}

function expectRedacted(input: string, secret: string, kind: string): void {
  const result = redactOne(input);
  expect(result.text).not.toContain(secret);
  expect(result.text).toContain(`[REDACTED:${kind}]`);
}

describe('redaction by label, every layout', () => {
  it.each([
    // [case, input, secret that must go, kind]
    ['Chinese label, full-width colon', '阿里邮箱：x  密码：Elcvv179916！', 'Elcvv179916', 'password'],
    ['Chinese label with 是', '密码是 951!#%ndiytdkpr', 'ndiytdkpr', 'password'],
    ['Chinese label glued to its value', '用户名administrator密码951!#%abc', '951!#%abc', 'password'],
    ['Chinese label glued after a word', '云存储服务器root密码：v7#Q5T%0i^3@9N9&k29il', 'v7#Q5T%0i^3@9N9&k29il', 'password'],
    ['口令 label', '口令：wrgrqbf99', 'wrgrqbf99', 'password'],
    ['a table row with a tab', '商户平台登录密码\t117527', '117527', 'password'],
    ['secret key in Chinese', '接口密钥：k8Zq2LmN4pR7', 'k8Zq2LmN4pR7', 'secret-key'],
    ['a token in Chinese', '访问令牌：gh7Kq2mZpL9x', 'gh7Kq2mZpL9x', 'token'],
    ['a Chinese label with a space', '数据库密码 Wq82kLz9', 'Wq82kLz9', 'password'],
    ['a Chinese label in a Markdown table', '| 密码 | Lp93kQz2 |', 'Lp93kQz2', 'password'],
    ['merchant id after 商户号', '微信支付商户号\t9655140452', '9655140452', 'account'],
    ['app id after 公众号APPID', '公众号APPID\twxc0fc3300a081637c', 'wxc0fc3300a081637c', 'account'],
    ['account after 账号', '账号：cepher_tina', 'cepher_tina', 'account'],
    ['English password label', 'password: upeufm01324296', 'upeufm01324296', 'password'],
    ['pass: label', 'pass: wrgrqbf', 'wrgrqbf', 'password'],
    ['a dictionary word as a password', 'password: dragon', 'dragon', 'password'],
    ['quoted XML attribute', "keymap='en-us' passwd='639adf6e68b3089b'", '639adf6e68b3089b', 'password'],
    ['JSON', '{"user": "admin", "passwd":"12345678"}', '12345678', 'password'],
    ['YAML', 'database:\n  password: s3cr3t-Pa55\n  host: db1', 's3cr3t-Pa55', 'password'],
    ['INI', '[client]\npassword = hunter2x', 'hunter2x', 'password'],
    ['env file', 'DB_PASSWORD=Zx81!qpw', 'Zx81!qpw', 'password'],
    ['PHP array key', "$_config['db']['main']['passwd'] = 'qObaGpWwHA35Yvxj';", 'qObaGpWwHA35Yvxj', 'password'],
    ['PHP define', "define('DB_PASSWORD', 'w0rdpass!');", 'w0rdpass!', 'password'],
    ['an XML element', '<jdbc><password>Tz82kLq9</password></jdbc>', 'Tz82kLq9', 'password'],
    ['a .NET appSettings entry', '<add key="DbPassword" value="Hq72mZx1"/>', 'Hq72mZx1', 'password'],
    ['PHP arrow with commented-out old values', "'pwd' => 'pwd',//'jznlhMvC235-05',//'TMsD8cfs',", 'jznlhMvC235-05', 'password'],
    ['the second commented-out value', "'pwd' => 'pwd',//'jznlhMvC235-05',//'TMsD8cfs',", 'TMsD8cfs', 'password'],
    ['a quoted argument after password', 'mysqladmin -u root password "newpwd"', 'newpwd', 'password'],
    ['a Markdown table cell', '| password | Qz7vLm2x |', 'Qz7vLm2x', 'password'],
    ['camelCase key', 'dbPassword: "Tr0ub4dor"', 'Tr0ub4dor', 'password'],
    ['ADMIN_TOKEN', 'keystone ADMIN_TOKEN:xikermktd', 'xikermktd', 'token'],
    ['a token header', 'curl -H "X-Auth-Token: gAAAAABk3x9Qa1"', 'gAAAAABk3x9Qa1', 'token'],
    ['a bearer token', 'Authorization: Bearer 4f9d1c2b7a6e5d3c8b9a0f1e2d3c4b5a', '4f9d1c2b7a6e5d3c8b9a0f1e2d3c4b5a', 'token'],
    ['access key pair', '"access_key": "IUWBYYFPN3W26D64T6E4",\n"secret_key": "rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ"', 'IUWBYYFPN3W26D64T6E4', 'access-key'],
    ['secret key of the pair', '"secret_key": "rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ"', 'rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ', 'secret-key'],
    ['a key in a query string', 'weixin://wxpay/bizpayurl?appid=wx1&key=108366766f0c35846fd15adaf08b0d3e', '108366766f0c', 'secret-key'],
    ['a merchant id in a query string', 'pay?appid=wx1&mch_id=9655140452&nonce_str=abc', '9655140452', 'account'],
    ['the value on the next line', '密码：\nqpw9hec6x', 'qpw9hec6x', 'password'],
    ['an English label alone, value below', 'password:\n  Yh3!kq9Lz', 'Yh3!kq9Lz', 'password'],
    ['values on the following indented lines', '七牛key：\n\tsXI_hCE3Jl5SZptH_TrVbBQPFNApDapUVYUNOKBC\n\tE8X6LM7CShwE3lNHYMBRswpSG2Dnzg1SXLwISfdX', 'E8X6LM7CShwE3lNHYMBRswpSG2Dnzg1SXLwISfdX', 'secret-key'],
    ['a label after its value', 'c6ed0147-18ab-47a8-a9b0-c7be72dd9b5e 96密钥', 'c6ed0147-18ab-47a8-a9b0-c7be72dd9b5e', 'secret-key'],
    ['a coupon code glued to 优惠券', 'CA6575B91C191BB09558优惠券', 'CA6575B91C191BB09558', 'coupon'],
    ['an English label after its value', 'Xk29vQ7pL3 password', 'Xk29vQ7pL3', 'password'],
  ])('redacts %s', (_layout, input, secret, kind) => expectRedacted(input, secret, kind));
});

describe('redaction by statement, table and known format', () => {
  it.each([
    ['GRANT … IDENTIFIED BY', "GRANT ALL ON keystone.* TO 'keystone'@'%' IDENTIFIED BY 'xikermktd';", 'xikermktd', 'password'],
    ['AES_ENCRYPT literals', "values ('admin', AES_ENCRYPT('slsoj', 'nkhjisj9812'))", 'nkhjisj9812', 'secret-key'],
    ['mysql -p glued', 'mysql -uroot -pQw3rty99 -h 10.0.0.5 app', 'Qw3rty99', 'password'],
    ['sshpass -p', "sshpass -p 'Lm9$xq2' ssh root@10.0.0.9", 'Lm9$xq2', 'password'],
    ['curl -u user:password', 'curl -u deploy:Pa55w0rdX https://ci.internal/api', 'Pa55w0rdX', 'password'],
    ['a --password option', 'backup-tool --password Gh7kL2mQ --host db', 'Gh7kL2mQ', 'password'],
    ['credentials in a URL', 'wget ftp://gzfnyu:nanzcyy@203.156.198.3/kvm/win.img', 'nanzcyy', 'url-credentials'],
    ['the user name in a URL', 'wget ftp://gzfnyu:nanzcyy@203.156.198.3/kvm/win.img', 'gzfnyu', 'url-credentials'],
    ['a database connection string', 'DATABASE_URL=postgres://app:Vb8mN3qX@10.0.3.17:5432/billing', 'Vb8mN3qX', 'url-credentials'],
    ['the password column of a chap-secrets table', 'yemingjun\t*\tWu9Hk1yW3AxjCw9L\t\t192.168.0.101', 'Wu9Hk1yW3AxjCw9L', 'password'],
    ['the user column of a chap-secrets table', 'yemingjun\t*\tWu9Hk1yW3AxjCw9L\t\t192.168.0.101', 'yemingjun', 'username'],
    ['a table with a password column', '用户名\t密码\tIP\nwangwu\tKp3xQ9zL\t10.0.0.8', 'Kp3xQ9zL', 'password'],
    ['the user column of that table', '用户名\t密码\tIP\nwangwu\tKp3xQ9zL\t10.0.0.8', 'wangwu', 'username'],
    ['a password alone after a user name', 'http://vgyun.example/admin/login\n\nadmin\nhrpbk5480R', 'hrpbk5480R', 'password'],
    ['a user name above its password', '用户名: zsadmin\n密码:ecjq6tgOODY)GA', 'zsadmin', 'username'],
    ['a Ceph keyring key', '[client.cinder]\n\tkey = AQNKdsqPjOmcVmUR++ZCdj7v5fQWDjYlaHB9LO==', 'AQNKdsqPjOmcVmUR', 'keyring-key'],
    ['an unlabelled S3 key pair', 'S1K3U02ZI4JRLT0UN4NW\n0IezyLj4hnKkPwMDwIuaACsmzvZkqagG2vF8lnVs', '0IezyLj4hnKkPwMDwIuaACsmzvZkqagG2vF8lnVs', 'secret-key'],
    ['a GitHub token (secretlint)', 'export GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token'],
    ['an AWS access key id (secretlint)', 'aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLQ', 'AKIAIOSFODNN7EXAMPLQ', 'access-key'],
    ['a Slack webhook (secretlint)', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'XXXXXXXXXXXXXXXXXXXXXXXX', 'token'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'dozjgNryP4J3jVmNHl0w5N', 'token'],
    ['a private key block', '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1\n-----END RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEA1', 'private-key'],
  ])('redacts %s', (_layout, input, secret, kind) => expectRedacted(input, secret, kind));
});

describe('unlabelled secrets by entropy, in credential positions', () => {
  it.each([
    ['a 2====<hex> line', '1====9c4e1d2b7a6f3e08\n2====5ab3419899fe6036', '5ab3419899fe6036'],
    ['a hex password alone on its line', 'vnc:\n639adf6e68b3089b\n', '639adf6e68b3089b'],
    ['a password-shaped line', 'https://www.youtube.com/watch?v=abc\n\ndn334@#$trx', 'dn334@#$trx'],
    ['a salt in md5(… + salt) in prose', "token  安全校验   md5(接口账户+接口密码+时间戳+'D1597A271F3BC9')", 'D1597A271F3BC9'],
    ['a salt concatenated in PHP', "$in['token'] = md5($in['name'].$in['pwd'].$in['timestamp'].'D1597A271F3BC9');", 'D1597A271F3BC9'],
    ['a random quoted value', 'client = Client(app_secret_value="Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4")', 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4'],
  ])('redacts %s', (_layout, input, secret) => {
    expect(redactOne(input).text).not.toContain(secret);
  });
});

describe('personal identifiers', () => {
  it.each([
    ['a QQ chat header: handle', '小余(817195391) 14:29:21\n这段代码把块切分', '小余'],
    ['a QQ chat header: number', '小余(817195391) 14:29:21\n这段代码把块切分', '817195391'],
    ['a bold handle', '**清风徐来**(328729901) 14:30:13\n嗯', '清风徐来'],
    ['a garbled number in a header', '小余(8171元数据95391) 14:30:24', '95391'],
    ['a handle with a city', '董毅-武汉 2015/10/30 9:57:18\nosdmonitor只处理osdmap的更新', '董毅'],
    ['a handle with a team and a city', '研发-武汉-董毅 2015/5/7 16:39:40\n最好是修改crushmap', '董毅'],
    ['a Latin handle', 'momo  2015/8/3 15:25:01\n密码是 x', 'momo'],
    ['a QQ export header', '2016-02-01 14:33:20 小余(817195391)\n切分元数据', '817195391'],
    ['a handle mentioned in the chat', '小余 2016/2/1 14:35:36\n完成了\n嗯。小余分析的不错', '小余'],
    ['a QQ number before its label', '8187899750  企业QQ密码：pId915049', '8187899750'],
    ['a QQ number after its label', '有问题加QQ：345751026', '345751026'],
    ['a WeChat id', '微信：wxid_k29dlq3m', 'wxid_k29dlq3m'],
    ['a Chinese mobile number', '联系我 13912345678 或邮件', '13912345678'],
    ['an ID card number', '身份证号：11010519491231002X', '11010519491231002X'],
    ['a labelled phone number', 'Phone: +1 (415) 555-0134', '555-0134'],
    ['an e-mail address', 'SERVER_ADMIN: 8826334419@qq.com', '8826334419@qq.com'],
    ['an e-mail address on an example domain', 'ceph问题交流邮箱：ubemmdsfp@example.com', 'ubemmdsfp@example.com'],
  ])('redacts %s', (_case, input, value) => {
    expect(redactOne(input).text).not.toContain(value);
  });
});

describe('what must survive', () => {
  it.each([
    ['the passwd command', 'sudo passwd root'],
    ['passwd for a mail user', '[root@mail postfix]# passwd tom'],
    ['the word token in English prose', 'The client sends the token in the X-Auth-Token header.'],
    ['the word secret in English prose', 'A secret in the deploy tool is just a named value mounted as a file.'],
    ['the word token in Chinese prose', '发送给keystone获取授权token,并填充到X-Auth-Token字段中'],
    ['a shell variable after a token header', 'curl -H "X-Auth-Token: $token" http://10.0.0.1/v2'],
    ['postgres as a database name', 'psql -h 10.0.3.17 -U postgres -d postgres'],
    ['password as a column type', '| password | text | bcrypt hash, never the plain password |'],
    ['type words after labels', 'password: text, a bcrypt hash\ntoken: string\nsecret: boolean'],
    ['a sentence after a label', 'Password: the one you chose at sign-up.'],
    ['UUIDs in commands', 'virsh secret-set-value --secret bfe573d1-0a91-42e8-941a-49d5730c4150 --base64 x'],
    ['a UUID alone on its line', '7a450da7-65ee-41e4-75e4-9103b0c5cbe0'],
    ['UUIDs in logs', '2015-09-16 15:51:14.7 [30486][0]:LOG_NET:D:debug into VmDiskChange, UUID:7a450da7-65ee-41e4-75e4-9103b0c5cbe0  IP:103.59.216.2'],
    ['IP addresses and ports', '连接113：210.14.78.113:9530'],
    ['a Kubernetes Secret as a concept', 'kind: Secret\nmetadata:\n  name: tls-web\n  secretName: tls-web'],
    ['a Kubernetes Secret in Chinese prose', 'Secret 是 Kubernetes 的一种资源对象，和 ConfigMap 类似。'],
    ['git SHAs', 'commit 4b825dc642cb6eb9a060e54bf8d69288fbee4904\ngit revert 9fceb02'],
    ['a git SHA alone on its line', 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'],
    ['hashes printed by md5sum', '349725b5670acaf59f1a0058691485b1  /usr/lib/apache2/modules/mod_fastcgi.so'],
    ['ids in JSON', '"hostId": "7e4e4bc79676933ebc8359ea7e954050084589d5805a1e50e009de48",\n"user_id": "135b2cb86962401c82044fd4ca9daae4"'],
    ['an id in a table', '|      id     | 1f14a11f61be4520a7f8ef86670fbaa5 |'],
    ['a snake_case name after a path key', '/v2.1: openstack_compute_api_v21'],
    ['secret and key as XML words', "<secret type='ceph' uuid='0f1c4968-0400-4205-805c-8b5b8861ee9b'/>"],
    ['密钥 in a sentence', 'Cephx使用共享秘密密钥进行认证'],
    ['a label with no value', '需要输入mysql密码\n3、如果第二步中跳过了输入名'],
    ['Chinese prose about passwords', '忘记密码时，在控制台重置密码，重置后必须重启实例才生效。密码错误三次会锁定账号。'],
    ['a Chinese sentence about tokens', 'token 过期导致接口返回 401：客户端要先刷新 token 再重试。'],
    ['numbers in a Ruby array', '=> [1, 32, 59049, 17179869184]'],
    ['mkpasswd', 'mkpasswd.pl -l 16 -d 4 -C 6 -c 6 -s 0'],
    ['a time line after a chat', '9:59:39'],
    ['a log line that looks like a chat header', '2015-08-03 15:19:18.0 [22359][0]:LOG_MAIN:E:rbd_copy2 start!'],
    ['a Python pass', 'def f():\n    pass\nreturn'],
    ['an account word glued to Chinese', '微软账号：qq邮箱2，'],
    ['placeholders', 'password: <your-password>\ntoken: ${TOKEN}\npassword: ********\napi_key: {{ vault_key }}'],
    ['example addresses in documentation', 'git clone git@github.com:org/repo.git\nmail user@example.com'],
    ['base64 in an image', '![shot](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgQQ12345678AAAAAAAAAAAAAAAAAA5ab3419899fe6036AAAAAAAAAAAAAAAAAAAA==)'],
  ])('keeps %s', (_case, input) => {
    const result = redactOne(input);
    expect(result.text).toBe(input);
    expect(result.records).toEqual([]);
  });

  it('keeps what the user allow-listed in notSecret', () => {
    expect(redactOne('password: Qz7vLm2x', ['Qz7vLm2x']).text).toBe('password: Qz7vLm2x');
  });
});

describe('the shape of redacted text', () => {
  it('keeps line numbers: a redacted private key leaves its line breaks', () => {
    const input = 'a\n-----BEGIN PRIVATE KEY-----\nAAA\nBBB\n-----END PRIVATE KEY-----\nb';
    expect(redactOne(input).text.split('\n')).toHaveLength(input.split('\n').length);
  });

  it('keeps the quotes and the key around a redacted value', () => {
    expect(redactOne('"passwd":"12345678"').text).toBe('"passwd":"[REDACTED:password]"');
  });

  it('redacts each credential of a line on its own', () => {
    expect(redactOne('阿里邮箱：aj@mail.cn  密码：Elcvv179916！').text).toBe('阿里邮箱：[REDACTED:email]  密码：[REDACTED:password]');
  });
});
