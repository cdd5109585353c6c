import type { FormItemRule } from 'element-plus';

/** Same rule as the server's dictionary codes. */
export const DICT_CODE_RULE: FormItemRule = {
  pattern: /^[a-z][a-z0-9_]{0,39}$/,
  message: '小写字母开头，可含小写字母、数字、下划线，至多 40 位',
  trigger: 'blur',
};
