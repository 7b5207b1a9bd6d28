// The create-or-edit dialog of the admin lists (bodies, users): which record is open ('new', one of them, or
// none), and saving it — POST to the collection for a new one, PATCH the record otherwise — with the outcome as
// a readable message.
import { App } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';

export function useEditor<T extends { id: number }>(path: string, onSaved: () => void) {
  const t = useT();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const save = async (body: unknown) => {
    try {
      if (editing === 'new') await api.post<T>(path, body);
      else if (editing) await api.patch<T>(`${path}/${editing.id}`, body);
      message.success(t('已保存', 'Saved'));
      setEditing(null);
      onSaved();
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return { editing, setEditing, save };
}
