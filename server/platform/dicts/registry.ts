/**
 * Dictionaries (字典) that code relies on are declared here with their starting items; the seed
 * adds a missing type or item but never changes what an administrator edited.
 */
export type DictDeclaration = {
  code: string;
  name: string;
  description?: string;
  items: { code: string; label: string }[];
};

const declarations = new Map<string, DictDeclaration>();

export function declareDict(declaration: DictDeclaration): void {
  declarations.set(declaration.code, declaration);
}

export function declaredDicts(): DictDeclaration[] {
  return [...declarations.values()];
}

declareDict({
  code: 'receive_channel',
  name: '收件渠道',
  description: '申请、材料的接收方式（各程序共用）',
  items: [
    { code: 'in_person', label: '当面递交' },
    { code: 'post', label: '邮寄' },
    { code: 'online', label: '网上提交' },
    { code: 'fax', label: '传真' },
    { code: 'petition', label: '信访转入' },
  ],
});

declareDict({
  code: 'applicant_type',
  name: '申请人类型',
  description: '政府信息公开年度报告表三的申请人分类（国办公开办函〔2021〕30号）',
  items: [
    { code: 'natural_person', label: '自然人' },
    { code: 'commercial', label: '商业企业' },
    { code: 'research', label: '科研机构' },
    { code: 'public_welfare', label: '社会公益组织' },
    { code: 'legal_service', label: '法律服务机构' },
    { code: 'other', label: '其他' },
  ],
});
