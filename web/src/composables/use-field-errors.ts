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

  function report(error: unknown, knownFields: string[]): void {
    clear();
    if (!(error instanceof ApiError)) {
      ElMessage.error('操作失败，请稍后重试');
      return;
    }
    let isShownOnForm = false;
    for (const field of error.fields) {
      const key = field.path.split('.')[0] ?? '';
      if (knownFields.includes(key) && !errors[key]) {
        errors[key] = field.message;
        isShownOnForm = true;
      }
    }
    if (!isShownOnForm) ElMessage.error(error.message);
    else ElMessage.warning(error.code === 'VALIDATION_FAILED' ? '请检查表单中标红的内容' : error.message);
  }

  return { errors, clear, report };
}
