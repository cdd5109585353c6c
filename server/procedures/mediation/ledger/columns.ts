/**
 * The ledger (台账) columns committees keep, as the import template lays them out. `key` names the field the
 * row parser reads; values given as labels are matched to dictionary codes.
 */
export type LedgerColumn = { key: string; header: string; isRequired: boolean; example: string; help: string };

export const LEDGER_COLUMNS: LedgerColumn[] = [
  { key: 'ledgerKey', header: '台账编号', isRequired: true, example: '东调2024-001', help: '本调委会台账中的唯一编号；重复导入时据此跳过已导入的记录' },
  { key: 'receivedOn', header: '登记日期', isRequired: true, example: '2024-03-05', help: 'YYYY-MM-DD' },
  { key: 'source', header: '纠纷来源', isRequired: true, example: '当事人申请', help: '见“字典”工作表：纠纷来源' },
  { key: 'category', header: '纠纷类别', isRequired: true, example: '邻里纠纷', help: '见“字典”工作表：矛盾纠纷类别' },
  { key: 'party1Name', header: '当事人一', isRequired: true, example: '刘一', help: '姓名或单位名称' },
  { key: 'party1Id', header: '当事人一证件号码', isRequired: false, example: '', help: '居民身份证号码或统一社会信用代码，校验位须正确' },
  { key: 'party1Phone', header: '当事人一联系电话', isRequired: false, example: '', help: '' },
  { key: 'party2Name', header: '当事人二', isRequired: true, example: '陈二', help: '姓名或单位名称' },
  { key: 'party2Id', header: '当事人二证件号码', isRequired: false, example: '', help: '' },
  { key: 'party2Phone', header: '当事人二联系电话', isRequired: false, example: '', help: '' },
  { key: 'summary', header: '纠纷简要情况', isRequired: true, example: '两户因排水沟堵塞发生争执', help: '' },
  { key: 'amount', header: '涉及金额（元）', isRequired: false, example: '2000', help: '数字，默认 0' },
  { key: 'peopleCount', header: '涉及人数', isRequired: false, example: '2', help: '整数，默认 2' },
  { key: 'mediators', header: '调解员', isRequired: false, example: '张调解', help: '多人用“、”分隔；受理调解的必填' },
  { key: 'acceptedOn', header: '受理日期', isRequired: false, example: '2024-03-06', help: '受理调解的必填' },
  { key: 'outcome', header: '调解结果', isRequired: true, example: '调解成功', help: '调解成功 / 调解不成 / 不予调解 / 调解中 / 待受理' },
  { key: 'closedOn', header: '结案日期', isRequired: false, example: '2024-03-12', help: '协议生效、调解不成或不予调解的日期' },
  { key: 'declineReason', header: '不予调解原因', isRequired: false, example: '', help: '当事人拒绝调解 / 已由其他机关处理 / 不属于人民调解范围' },
  { key: 'agreementForm', header: '协议形式', isRequired: false, example: '书面', help: '书面 / 口头；调解成功的必填' },
  { key: 'terms', header: '协议内容', isRequired: false, example: '双方共同清理排水沟', help: '调解成功的必填（人民调解法第二十九条）' },
  { key: 'performanceTerms', header: '履行方式期限', isRequired: false, example: '2024年3月20日前清理完毕', help: '' },
  { key: 'agreementAmount', header: '协议金额（元）', isRequired: false, example: '500', help: '' },
  { key: 'advisedRoutes', header: '告知途径', isRequired: false, example: '', help: '调解不成的必填：申请仲裁、提起诉讼、向行政机关申请处理、申请其他调解组织调解，多项用“、”分隔' },
  { key: 'performance', header: '履行情况', isRequired: false, example: '已履行', help: '已履行 / 部分履行 / 未履行' },
  { key: 'confirmation', header: '司法确认', isRequired: false, example: '', help: '已申请 / 已确认 / 不予确认' },
];

export const OUTCOME_LABELS: Record<string, 'agreed' | 'failed' | 'declined' | 'mediating' | 'registered'> = {
  调解成功: 'agreed', 调解不成: 'failed', 不予调解: 'declined', 调解中: 'mediating', 待受理: 'registered',
};
export const DECLINE_LABELS: Record<string, string> = { 当事人拒绝调解: 'party_refused', 已由其他机关处理: 'handled_elsewhere', 不属于人民调解范围: 'out_of_scope' };
export const FORM_LABELS: Record<string, string> = { 书面: 'written', 口头: 'oral' };
export const PERFORMANCE_LABELS: Record<string, string> = { 已履行: 'performed', 部分履行: 'partial', 未履行: 'not_performed' };
export const CONFIRMATION_LABELS: Record<string, string[]> = { 已申请: ['applied'], 已确认: ['applied', 'confirmed'], 不予确认: ['applied', 'rejected'] };

export const headerOf = (key: string) => LEDGER_COLUMNS.find((c) => c.key === key)?.header ?? key;
