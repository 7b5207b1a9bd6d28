// 登录: username and password (POST /api/session); on success, the role's home page.
import { Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { homeOf } from '../../app/routes';
import { useSession } from '../../app/session';
import { ErrorBox } from '../../components/common';
import type { SessionInfo } from '../../model';

export default function LoginPage() {
  const t = useT();
  const { refresh } = useSession();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    try {
      const s = await api.post<SessionInfo>('/session', v);
      await refresh();
      navigate(homeOf(s.user?.role ?? null));
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={<h1 style={{ margin: 0, fontSize: 20 }}>{t('登录', 'Sign in')}</h1>} style={{ maxWidth: 420 }}>
      <ErrorBox error={error} />
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('用户名', 'Username')} name="username"
          rules={[{ required: true, message: t('请输入用户名', 'Enter the username') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('密码', 'Password')} name="password"
          rules={[{ required: true, message: t('请输入密码', 'Enter the password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{t('登录', 'Sign in')}</Button>
      </Form>
      <p style={{ marginTop: 16, color: '#595959' }}>
        {t('公众无需登录即可查看已发布的报告。', 'The public can read published reports without signing in.')}
      </p>
    </Card>
  );
}
