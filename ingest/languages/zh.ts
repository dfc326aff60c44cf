import { hanChar } from '../../common/script.js';
import type { ExtractionRules } from './extraction-rules.js';
import type { LanguagePack } from './language-pack.js';
import type { RedactionRules } from './redaction-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Extraction (concept discovery, relations)
// ---------------------------------------------------------------------------------------------------------------

const extraction: ExtractionRules = {
  stopwords: [],
  relationCues: [],
};

// ---------------------------------------------------------------------------------------------------------------
// Redaction (credential labels and layouts, personal identifiers)
// ---------------------------------------------------------------------------------------------------------------

// A Chinese "word" for redaction: a run of Han characters the ICU dictionary segments as one word (`清风徐来`,
// `武汉`); a name like `南山有鹿` or `董毅` falls apart into pieces and is no word.
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const hanOnly = /^\p{Script=Han}+$/u;

function isChineseWord(token: string): boolean {
  if (!hanOnly.test(token)) return false;
  const segments = [...segmenter.segment(token)];
  return segments.length === 1 && token.length > 1;
}

const redaction: RedactionRules = {
  labels: [
    { pattern: '密码|密碼|口令', kind: 'password' },
    { pattern: '私钥|私鑰', kind: 'private-key' },
    { pattern: '密钥|密鑰|秘钥|秘鑰', kind: 'secret-key' },
    { pattern: '令牌', kind: 'token' },
    { pattern: '账号|帳號|帐号|账户|帳戶|帐户|商户号|商户ID|公众号(?:APP)?ID|小程序(?:APP)?ID|支付宝账号', kind: 'account' },
  ],
  trailingLabels: [
    { pattern: '密钥|密鑰|秘钥', kind: 'secret-key' },
    { pattern: '密码|口令', kind: 'password' },
    { pattern: '优惠券|优惠码|兑换码|券码|礼品卡', kind: 'coupon' },
    { pattern: '激活码|序列号|授权码|注册码', kind: 'secret-key' },
  ],
  userLabels: ['用户名|用户|登录名|登陆名|帐号|账号|用户名称'],
  accountNames: [],
  notValues: ['无', '空', '略', '同上', '默认', 'qq'],
  identifierKeys: ['编号', '序号', '版本', '哈希', '校验码'],
  labelSuffixes: [],
  authSchemes: [],
  statements: [],
  hashCalls: [],
  // QQ and WeChat transcripts pasted into notes: `小余(817195391) 14:29:21`, `董毅-武汉 2015/10/30 9:57:18`,
  // `2016-02-01 14:33:20 小余(817195391)` (QQ's message manager export).
  chatHeaders: [
    String.raw`(?<handle>[^\s()（）:：\[\]]{1,30}?)[(（](?<number>[^()（）\n]{1,40})[)）][ \t]+\d{1,2}:\d{2}:\d{2}`,
    // With seconds: an article byline (`小白安全工具   2023-11-24 20:42`) has none.
    String.raw`(?<handle>[^\s()（）:：\[\]]{1,30}?)(?:[(（](?<number>[^()（）\n]{1,40})[)）])?[ \t]+\d{4}[/-]\d{1,2}[/-]\d{1,2}[ \t]+\d{1,2}:\d{2}:\d{2}`,
    String.raw`\d{4}[/-]\d{1,2}[/-]\d{1,2}[ \t]+\d{1,2}:\d{2}:\d{2}[ \t]+(?<handle>[^\s()（）<>]{1,30}?)[(（<](?<number>[^()（）<>\n]{1,40})[)）>]`,
  ],
  identifiers: [
    { pattern: String.raw`(?<![A-Za-z0-9+/=])(?:QQ|扣扣)(?:号码?|群)?[ \t]*[:：]?[ \t]*(?<value>[1-9]\d{4,11})(?!\d)`, kind: 'account' },
    { pattern: String.raw`(?<![\w])(?<value>[1-9]\d{4,11})(?=[ \t]*(?:企业)?QQ)`, kind: 'account', flags: 'gu' },
    { pattern: String.raw`(?:微信号?|weixin|wechat|vx)[ \t]*[:：][ \t]*(?<value>[A-Za-z][\w-]{5,19}|1[3-9]\d{9})`, kind: 'account' },
    // An unlabelled mobile number only in Chinese text (a Han character or a colon shortly before it).
    { pattern: String.raw`(?<![\w.+/-])(?<value>1[3-9]\d{9})(?![\w./-])(?<=(?:\p{Script=Han}|[:：])[^\n\d]{0,20}\d{11})`, kind: 'phone' },
    { pattern: String.raw`(?:手机号?码?|电话|联系电话|座机)[ \t]*[:：]?[ \t]*(?<value>\+?\d[\d -]{6,18}\d)`, kind: 'phone' },
    { pattern: String.raw`身份证(?:号码?)?[ \t]*[:：]?[ \t]*(?<value>\d{17}[\dXx])`, kind: 'account' },
  ],
  keptMail: { localParts: [], domains: [] },
  isWord: isChineseWord,
};

// ---------------------------------------------------------------------------------------------------------------

export const zh: LanguagePack = { code: 'zh', name: 'Chinese', script: hanChar, extraction, redaction };
