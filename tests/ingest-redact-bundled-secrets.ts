/**
 * Every fake credential and personal identifier planted in the bundled notes (`notes/` = ../shared/notes: the
 * original notes with each real value replaced by a fake one of the same shape, see notes/README.md), found by
 * reading the notes layout by layout. Test data derived from our own bundled notes: none of these may reach
 * the JSON export, Neo4j, or the output of an ingest. Values too short to search for on their own are listed
 * with the text around them.
 */
export const bundledSecrets: Record<string, readonly string[]> = {
  'passwords next to a label (same line, 是, glued, tabs, PHP/JSON/XML attributes)': [
    'Elcvv179916', 'pnzpa352376', 'xikermktd', 'hfdcl.bfm392', 'emrcqyf@66245969', 'nuwpamq', 'pId915049', 'b6c0461b370965a3',
    'kl063177', '951!#%ndiytdkpr', 'wrgrqbf', 'ecjq6tgOODY)GA', 'esmhp@sm113', 'qpw9@hec6', 'upeufm01324296', 'ycwhksgz',
    'f0faaf7d22dc1ecf7d88953af685fb55', '117527', 'v7#Q5T%0i^3@9N9&k29il', 'qObaGpWwHA35Yvxj', '639adf6e68b3089b', '"12345678"', 'newpwd',
  ],
  'SQL: GRANT … IDENTIFIED BY, AES_ENCRYPT literals, an account in a sentence': ['slsoj', 'nkhjisj9812', 'admin:slsoj'],
  'credentials in a URL': ['gzfnyu', 'nanzcyy'],
  'commented-out old passwords after a PHP pwd key': ['jznlhMvC235-05', 'TMsD8cfs'],
  'keys: Ceph keyring, S3 access/secret pairs, a payment key in a query string, a token hash': [
    'AQNKdsqPjOmcVmUR++ZCdj7v5fQWDjYlaHB9LO==', 'AQFwb2wEbAZgNgXNtWlQfMJfw0KPCiYtckP1/D==',
    'IUWBYYFPN3W26D64T6E4', 'rE5jiutoSXIZ5X7Fx5M2HPg2xmrrPy2BPqwic2KZ', 'R4L32ZD9CSI51A7LMO2V', 'xZNKLFB2YfWoIhTf6R0DjomKLqgA6re10qu0TIcd',
    'S1K3U02ZI4JRLT0UN4NW', '0IezyLj4hnKkPwMDwIuaACsmzvZkqagG2vF8lnVs', '78XHGAZ1Z7OPUX0SP8LN', 'w05tdVzGpX5uK6PyQFYSlmenn8r578eUoh9InhZT',
    '108366766f0c35846fd15adaf08b0d3e', 'ef6bbfb4b0c7f648fb661dda40de4c01e6665196', 'cptest12',
  ],
  'the credential table (user * password ip): both columns': [
    'yemingjun', 'lumin', 'hezhuo', 'xiaochunmei', 'wangyao', 'yuanchaotao', 'mosongmei', 'gaokangnan', 'fengmeihai', 'zhouchunjing', 'luotao',
    'Wu9Hk1yW3AxjCw9L', 'O4gYdMx8h7g3zSTD', 'rL3vx5UKoE8fLo9H', 'qJBe33jLwkZX93Fe', '8h5wACjT9CTjll6V', '2UWt3eOrZMHbm0z7',
    '5P4hXAbhVf9g5lVL', 'mN9f9pBGVizWy1V7', 'Tp7IJ9ajUYG5jh5q', 'NtfV07vLlRh1TP4s', '4EbQlBx6EEv8iL9c',
  ],
  'a user name above its password': ['zsadmin', 'ysoft_admin'],
  'accounts: QQ number before a QQ label, merchant and app ids, an account label': [
    '8187899750', '9655140452', 'wxc0fc3300a081637c', 'cepher_tina', '账号：cp',
  ],
  'e-mail addresses': ['aj@example.org', 'ubemmdsfp@example.com', '8826334419@example.com'],
  'a label after its value, a coupon code': ['c6ed0147-18ab-47a8-a9b0-c7be72dd9b5e', 'CA6575B91C191BB09558'],
  'a label alone, its values on the following tab-indented lines (七牛key：)': [
    'sXI_hCE3Jl5SZptH_TrVbBQPFNApDapUVYUNOKBC', 'E8X6LM7CShwE3lNHYMBRswpSG2Dnzg1SXLwISfdX',
  ],
  'unlabelled: a password alone after a user name, 2====<hex> lines, a lone password, a salt in md5(…)': [
    'hrpbk5480R', '5ab3419899fe6036', '708a2161681e5d56', 'dn334@#$trx', 'D1597A271F3BC9',
  ],
  'chat transcripts: handles and QQ numbers': [
    '817195391', '328729901', '345751026', '8171元数据95391', '小余', '清风徐来', '韦雪军', '董毅', '南山有鹿', '王刚刚', 'N爷', 'momo',
  ],
};

export const allBundledSecrets: readonly string[] = Object.values(bundledSecrets).flat();
