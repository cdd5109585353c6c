import { reactive } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from '@/api/client.ts';

/**
 * Field errors from the server ({fields:[{path,message}]}) bound to el-form-item's `error` prop.
 * `report` shows them on the form when they match a field, otherwise as a toast.
 */
export function useFieldErrors() {
  const errors = reactive<Record<string, string>>({});

  function clear(): void {
    for (const key of Object.keys(errors)) delete errors[key];
  }

  /**
   * `resolve` maps a server path to the form's key; by default its first segment (flat forms). Nested
   * forms pass one that keeps the whole path (e.g. applicants.0.idNumber).
   */
  function report(error: unknown, knownFields: string[], resolve: (path: string) => string | null = firstSegment): void {
    clear();
    if (!(error instanceof ApiError)) {
      ElMessage.error('操作失败，请稍后重试');
      return;
    }
    let isShownOnForm = false;
    for (const field of error.fields) {
      const key = resolve(field.path) ?? '';
      if (key && knownFields.includes(key) && !errors[key]) {
        errors[key] = field.message;
        isShownOnForm = true;
      }
    }
    if (!isShownOnForm) ElMessage.error(error.message);
    else ElMessage.warning(error.code === 'VALIDATION_FAILED' ? '请检查表单中标红的内容' : error.message);
  }

  return { errors, clear, report };
}

function firstSegment(path: string): string {
  return path.split('.')[0] ?? '';
}
