import type { InjectionKey, Ref } from 'vue';
import type { FormItemRule } from 'element-plus';
import type { DictItem, Org } from '@/api/types.ts';
import type { JsonSchema } from '@/api/engine-types.ts';
import { fieldLabel, fieldMeta, type FieldMeta } from '@/utils/field-labels.ts';
import { effective, isDateSchema, kindOf } from './json-schema.ts';

/** What every field of one generated form shares: the action (label scope), server errors, lookups. */
export type SchemaFormContext = {
  scope: string;
  errors: Record<string, string>;
  orgs: Ref<Org[]>;
  dicts: Record<string, DictItem[]>;
};

export const SCHEMA_FORM: InjectionKey<SchemaFormContext> = Symbol('schema-form');

export type FieldInfo = { label: string; meta: FieldMeta | undefined; test: string };

export function fieldInfo(path: string, schema: JsonSchema, scope: string): FieldInfo {
  const last = path.split('.').pop() ?? path;
  return {
    label: fieldLabel(path, scope, schema.title ?? last),
    meta: fieldMeta(path, scope),
    test: `field-${path}`,
  };
}

/** el-form-item rules from the schema: required, length, range and patterns other than dates. */
export function rulesFor(raw: JsonSchema, label: string, isRequired: boolean, meta: FieldMeta | undefined): FormItemRule[] {
  const schema = effective(raw);
  const kind = kindOf(schema);
  const rules: FormItemRule[] = [];
  const isChoice = kind === 'enum' || kind === 'date' || !!meta?.dict || meta?.widget === 'org';
  if (isRequired && kind !== 'boolean' && kind !== 'object') {
    if (kind === 'objectList' || kind === 'stringList') {
      const min = Math.max(schema.minItems ?? 1, 1);
      rules.push({ type: 'array', required: true, min, message: `请至少填写 ${min} 项${label}`, trigger: 'change' });
    } else if (kind === 'number' && !isChoice) {
      rules.push({ type: 'number', required: true, message: `请填写${label}`, trigger: 'change' });
    } else {
      rules.push({ required: true, message: `${isChoice ? '请选择' : '请填写'}${label}`, trigger: isChoice ? 'change' : 'blur' });
    }
  }
  if (kind === 'string' && schema.maxLength) rules.push({ max: schema.maxLength, message: `${label}不超过 ${schema.maxLength} 字`, trigger: 'blur' });
  if (kind === 'string' && schema.pattern && !isDateSchema(schema)) {
    rules.push({ pattern: new RegExp(schema.pattern), message: `${label}格式不正确`, trigger: 'blur' });
  }
  return rules;
}
