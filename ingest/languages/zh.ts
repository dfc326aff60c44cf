import { hanChar } from '../../common/script.js';
import type { ExtractionRules } from './extraction-rules.js';
import { chineseTerms } from './zh-terms.js';
import type { LanguagePack } from './language-pack.js';
import type { RedactionRules } from './redaction-rules.js';

// ---------------------------------------------------------------------------------------------------------------
// Extraction (concept discovery, relations)
// ---------------------------------------------------------------------------------------------------------------

const extraction: ExtractionRules = {
  // General vocabulary of technical writing in Chinese: no reader looks these up.
  stopwords: [
    '数据', '一个', '可以', '进行', '使用', '我们', '这个', '那么', '如果', '因为', '所以', '但是', '然后', '就是', '没有', '需要',
    '通过', '以及', '或者', '服务', '服务器', '方法', '文件', '问题', '功能', '方式', '命令', '信息', '配置', '系统', '用户', '实现',
    '操作', '处理', '请求', '相关', '对应', '具体', '时候', '这里', '其中', '目录', '部分', '过程', '执行', '创建', '查看', '设置',
    '修改', '支持', '提供', '包括', '不同', '可能', '应该', '已经', '这样', '一些', '所有', '每个', '什么', '怎么', '如何', '自己',
    '其他', '之后', '之前', '当前', '目前', '一般', '主要', '直接', '本地', '最后', '第一', '数据存储', '整个集群', '编译器', '东西',
    '地方', '情况', '时间', '结果', '内容', '类型', '名称', '名字', '参数', '选项', '版本', '作用', '原因', '原理', '步骤', '例子',
    '示例', '代码', '程序', '软件', '工具', '环境', '状态', '资源', '模式', '机制', '结构', '能力', '效果', '性能', '问题', '错误',
    '日志', '输出', '输入', '文档', '说明', '注意', '总结', '介绍', '概念', '理解', '方案', '解决', '区别', '优点', '缺点', '特点',
    '场景', '能够', '开始', '完成', '成功', '失败', '正常', '简单', '复杂', '重要', '基本', '常用', '默认', '下面', '上面', '以下',
    '以上', '后面', '前面', '里面', '外面', '同时', '另外', '还有', '而且', '并且', '比如', '例如', '当然', '其实', '这种', '那种',
    '一种', '两个', '多个', '一下', '一样', '之间', '这些', '那些', '非常', '比较', '很多', '大量', '任何', '全部', '各种', '整个',
    // everyday words of computing: the English of each is a stopword too
    '调用', '节点', '客户端', '组件', '模块', '实例', '变量', '列表', '脚本', '密码', '用户名', '属性', '字段', '源码', '源代码',
    '返回值', '应用程序', '应用', '配置文件', '架构', '检索', '拷贝', '函数', '对象', '主机', '机器', '电脑', '网站', '页面',
    '浏览器', '界面', '窗口', '按钮', '账号', '账户', '地址', '路径', '文件夹', '项目', '开发', '测试', '部署', '安装', '启动',
    '运行', '访问', '连接', '登录', '更新', '删除', '添加', '使用者', '管理员', '方面', '概述', '官网', '教程', '笔记',
  ],
  // Auxiliaries the segmenter's dictionary lacks (它们被猜成新词): 将会, 就会, 也会.
  functionWords: ['的', '了', '和', '与', '及', '或', '在', '是', '为', '对', '把', '将', '被', '由', '从', '向', '到', '给', '于', '以', '及其', '等', '并', '而', '也', '都', '将会', '就会', '也会', '还会', '都会', '会被', '将被', '可以被'],
  // "基础组件", "核心模块": the parts of something, named by what kind of part they are, are no term of their own.
  genericHeads: ['网络', '服务', '系统', '问题', '方法', '文件', '功能', '信息', '数据', '部分', '方面', '东西', '情况', '相关', '操作', '配置', '命令', '工具', '组件', '模块', '部件'],
  negations: ['不', '没有', '没', '未', '无法', '不能', '不会', '不是', '并非', '不被', '别'],
  subjectFiller: ['都', '也', '均', '就', '则', '会', '可以', '能', '要', '需要', '主要', '直接', '通常', '一般', '是', '还', '已经', '用来', '用于', '负责', '来', '去', '先', '再', '然后', '同样', '同时', '首先', '最终', '自动', '会去', '需', '得'],
  objectFiller: ['了', '的', '一个', '一种', '一些', '这个', '那个', '该', '相应', '相应的', '具体', '具体的', '对应', '对应的', '内置', '内置的', '到', '给', '叫做', '称为', '名为', '自己', '自己的', '各个', '各', '所有', '多个', '底层', '底层的'],
  clauseBreakers: ['但', '但是', '而', '而是', '如果', '因为', '虽然', '然而', '不过', '所以', '因此', '并且', '而且', '或者', '还是', '和', '与', '及', '或', '以及', '跟'],
  copulas: ['是', '为', '作为', '就是', '即', '乃是', '是一个', '是一种'],
  objectMarkers: ['将', '把'],
  prepositions: ['在', '从', '对', '向', '于', '通过', '由', '被', '给', '跟', '对于', '关于', '根据', '按照', '经过', '为了'],
  instrumentVerbs: ['使用', '用', '通过', '借助', '利用', '采用', '配置', '让', '使', '令', '要', '需要', '可以', '安装', '部署', '启动'],
  listParentWords: ['生态', '生态圈', '生态系统', '组件', '基础组件', '核心组件', '主要组件', '模块', '组成', '组成部分', '包括', '包含', '主要有', '有', '为例', '服务', '子项目', '项目'],
  relationCues: [
    { type: 'BASED_ON', pattern: '基于|构建在|建立在|构建于|建立于' },
    { type: 'PART_OF', pattern: '隶属于|属于|是[^，。,；;]{0,6}?的一部分|的组成部分' },
    { type: 'PART_OF', pattern: '的核心组件|的核心|的组件|的一部分|的子模块|的模块|的子项目|的子系统', mode: 'suffix' },
    { type: 'PART_OF', pattern: '由[^，。,；;]{0,12}?组成|包含了?|包括了?', reverse: true },
    { type: 'USES', pattern: '被[^，。,；;]{0,8}?使用', reverse: true },
    { type: 'USES', pattern: '用的就是|使用了?|利用了?|采用了?|借助|用到了?' },
    { type: 'CALLS', pattern: '再调用|然后调用|调用了?' },
    { type: 'ROUTES_TO', pattern: '路由到|路由给|转发到|转发给|分发到|分发给|代理到' },
    { type: 'WRAPS', pattern: '封装了|包装了|封装' },
    { type: 'WRAPS', pattern: '的封装|的包装', mode: 'suffix' },
    { type: 'MANAGES', pattern: '由[^，。,；;]{0,8}?管理|被[^，。,；;]{0,8}?管理', reverse: true },
    { type: 'MANAGES', pattern: '负责管理|来管理|管理|编排|调度|监管|监控' },
    { type: 'STORES_IN', pattern: '保存在|保存到|存储在|存储到|存放在|存放到|存到|写入到?|持久化到|落盘到', closers: ['中', '里', '内', '上'] },
    { type: 'SUPPORTS', pattern: '支持' },
    { type: 'DEPENDS_ON', pattern: '依赖于|依赖|依靠|需要依赖' },
    { type: 'IMPLEMENTS', pattern: '实现了' },
    { type: 'IMPLEMENTS', pattern: '的(?:一种|一个|一款)?(?:[^，。,；;的]{0,12}的)?实现', mode: 'suffix' },
    { type: 'REPORTS_TO', pattern: '报告给|汇报给|上报给|上报到|报告到|汇报到' },
    { type: 'COMPARED_WITH', pattern: '相比|相比较|对比|比较|不同于|区别于|类似于|相对于' },
    { type: 'RUNS_ON', pattern: '运行在|运行于|跑在|部署在|部署到' },
    { type: 'IS_A', pattern: '(?:是一种|是一个|是一款|是个|是一类)(?!使用|用|为了|指|在)|(?<!用的)就是一种' },
    { type: 'COMMAND_OF', pattern: '的命令行工具|的命令行|的命令|的客户端工具', mode: 'suffix' },
    // "Libvirt是KVM的管理工具": a management tool manages the thing; it is no command of it.
    { type: 'MANAGES', pattern: '的管理工具|的管理程序|的管理平台', mode: 'suffix' },
  ],
  aliasPatterns: [
    // 协程（Coroutine）, ReplicationController（简称RC）, 归置组(Placement Group, PG), 块存储又称 Block Storage
    String.raw`(?<term>\p{Script=Han}{2,8})[（(](?<alias>[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*){0,3})[)）]`,
    {
      pattern: String.raw`(?<term>[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*){0,3})\s*[（(](?:简称|又称|也叫|即)\s*(?<alias>[\p{Script=Han}A-Za-z][\w\p{Script=Han}+#./-]{0,15})[)）]`,
      requires: String.raw`[（(]\s*(?:简称|又称|也叫|即)`,
    },
    { pattern: String.raw`(?<term>[A-Za-z][\w+#./-]*(?: [A-Za-z][\w+#./-]*){0,3})\s*[（(](?<alias>\p{Script=Han}{2,8})[)）]`, requires: String.raw`[（(]\p{Script=Han}{2,8}[)）]` },
    {
      pattern: String.raw`(?<term>[\p{Script=Han}A-Za-z][\w\p{Script=Han}+#./-]{1,15})(?:，|,)?\s*(?:简称|又称|也叫|也称为|俗称)\s*(?<alias>[\p{Script=Han}A-Za-z][\w\p{Script=Han}+#./-]{0,15})`,
      requires: '简称|又称|也叫|也称为|俗称',
    },
  ],
  maskPatterns: [],
  terms: chineseTerms,
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
