/**
 * How a request ended, in the rows of the annual report's table 3 (国办公开办函〔2021〕30号
 * 《政府信息公开工作年度报告格式》), each with the article of 政府信息公开条例 behind it.
 */
export type OutcomeGroup = 'disclose' | 'partial' | 'refuse' | 'unable' | 'not_processed' | 'other';

export type Outcome = { row: string; group: OutcomeGroup; label: string; basis: string; isAct: boolean };

export const OUTCOMES = {
  already_public: { row: '三(一)', group: 'disclose', label: '已主动公开，告知获取途径', basis: '第三十六条第（一）项', isAct: false },
  disclose: { row: '三(一)', group: 'disclose', label: '予以公开', basis: '第三十六条第（二）项', isAct: false },
  partial: { row: '三(二)', group: 'partial', label: '部分公开', basis: '第三十七条', isAct: true },
  refuse_state_secret: { row: '三(三)1', group: 'refuse', label: '属于国家秘密', basis: '第十四条', isAct: true },
  refuse_prohibited: { row: '三(三)2', group: 'refuse', label: '其他法律行政法规禁止公开', basis: '第十四条', isAct: true },
  refuse_security: { row: '三(三)3', group: 'refuse', label: '危及“三安全一稳定”', basis: '第十四条', isAct: true },
  refuse_third_party: { row: '三(三)4', group: 'refuse', label: '保护第三方合法权益', basis: '第十五条、第三十二条', isAct: true },
  refuse_internal: { row: '三(三)5', group: 'refuse', label: '属于三类内部事务信息', basis: '第十六条第一款', isAct: true },
  refuse_process: { row: '三(三)6', group: 'refuse', label: '属于四类过程性信息', basis: '第十六条第二款', isAct: true },
  refuse_enforcement_file: { row: '三(三)7', group: 'refuse', label: '属于行政执法案卷', basis: '第十六条第二款', isAct: true },
  refuse_query: { row: '三(三)8', group: 'refuse', label: '属于行政查询事项', basis: '第三十六条第（七）项', isAct: true },
  unable_not_held: { row: '三(四)1', group: 'unable', label: '本机关不掌握相关政府信息', basis: '第三十六条第（四）项、第（五）项', isAct: false },
  unable_needs_creation: { row: '三(四)2', group: 'unable', label: '没有现成信息需要另行制作', basis: '第三十八条', isAct: false },
  unable_unclear: { row: '三(四)3', group: 'unable', label: '补正后申请内容仍不明确', basis: '第三十条', isAct: false },
  not_processed_petition: { row: '三(五)1', group: 'not_processed', label: '信访举报投诉类申请', basis: '第三十九条第一款', isAct: false },
  not_processed_repeat: { row: '三(五)2', group: 'not_processed', label: '重复申请', basis: '第三十六条第（六）项', isAct: false },
  not_processed_publication: { row: '三(五)3', group: 'not_processed', label: '要求提供公开出版物', basis: '第三十九条第二款', isAct: false },
  not_processed_excessive: { row: '三(五)4', group: 'not_processed', label: '无正当理由大量反复申请', basis: '第三十五条', isAct: false },
  not_processed_confirm: { row: '三(五)5', group: 'not_processed', label: '要求行政机关确认或重新出具已获取信息', basis: '第三十九条第二款', isAct: false },
  other_no_correction: { row: '三(六)1', group: 'other', label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', basis: '第三十条', isAct: false },
  other_unpaid: { row: '三(六)2', group: 'other', label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', basis: '第四十二条', isAct: false },
  other: { row: '三(六)3', group: 'other', label: '其他（含依照有关法律、行政法规规定办理）', basis: '第三十六条第（七）项', isAct: false },
} as const satisfies Record<string, Outcome>;

export type OutcomeKey = keyof typeof OUTCOMES;

/** Outcomes staff choose when answering; 逾期不补正 is recorded by the markAbandoned action itself. */
export const ANSWER_OUTCOME_KEYS = (Object.keys(OUTCOMES) as OutcomeKey[]).filter((k) => k !== 'other_no_correction') as [OutcomeKey, ...OutcomeKey[]];

/** Applicant columns of table 3. */
export const APPLICANT_TYPES = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
} as const;

export type ApplicantType = keyof typeof APPLICANT_TYPES;
