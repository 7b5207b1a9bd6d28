// 管理: regions and bodies, users and roles, 通报 rules. Admin only (the server enforces it as well).
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { hasRole, useUser } from '../../app/session';
import { useApi } from '../../app/use-api';
import { EmptyHint, Loaded } from '../../components/common';
import { DEDUCTION, pick } from '../../components/labels';
import { UrlTabs } from '../../components/UrlTabs';
import type { Page, Role, ScoringRule, User } from '../../model';
import { Bodies } from './Bodies';
import { FilingRules } from './FilingRules';
import { useEditor } from './use-editor';

const ROLE: Record<Role, [string, string]> = { admin: ['管理员', 'Admin'], supervisor: ['审核（公开办）', 'Supervisor'],
  editor: ['填报（机关）', 'Editor'] };

function Users() {
  const t = useT();
  const lang = useLang();
  const state = useApi<Page<User>>('/users');
  const { editing, setEditing, save: saveUser } = useEditor<User>('/users', state.reload);
  const [form] = Form.useForm();
  const open = (u: User | 'new') => {
    setEditing(u);
    form.setFieldsValue(u === 'new' ? { username: '', displayName: '', role: 'editor', bodyId: null, regionCode: null,
      password: '' } : { ...u, password: '' });
  };
  const save = async () => {
    const v = await form.validateFields();
    if (!v.password) delete v.password;
    await saveUser(v);
  };
  return (
    <Loaded state={state}>{({ items: users }) => (
      <>
        <Button onClick={() => open('new')} style={{ marginBottom: 12 }}>{t('新增用户', 'Add a user')}</Button>
        <Table size="small" rowKey="id" dataSource={users} pagination={{ pageSize: 30 }} columns={[
          { title: t('用户名', 'Username'), dataIndex: 'username' },
          { title: t('姓名', 'Name'), dataIndex: 'displayName' },
          { title: t('角色', 'Role'), dataIndex: 'role', render: (r: Role) => pick(ROLE[r], lang) },
          { title: t('机关ID', 'Body'), dataIndex: 'bodyId' },
          { title: t('地区', 'Region'), dataIndex: 'regionCode' },
          { title: '', render: (_, u) => <Button size="small" onClick={() => open(u)}>{t('编辑', 'Edit')}</Button> },
        ]} />
        <Modal open={editing !== null} onCancel={() => setEditing(null)} onOk={save} forceRender
          okText={t('保存', 'Save')} cancelText={t('取消', 'Cancel')}
          title={editing === 'new' ? t('新增用户', 'Add a user') : t('编辑用户', 'Edit the user')}>
          <Form form={form} name="user-edit" layout="vertical">
            <Form.Item name="username" label={t('用户名', 'Username')}
              rules={[{ required: true }]}><Input disabled={editing !== 'new'} /></Form.Item>
            <Form.Item name="displayName" label={t('姓名', 'Name')}><Input /></Form.Item>
            <Form.Item name="role" label={t('角色', 'Role')}>
              <Select options={Object.entries(ROLE).map(([k, p]) => ({ value: k, label: pick(p, lang) }))} />
            </Form.Item>
            <Form.Item name="bodyId" label={t('机关ID（填报人员）', 'Body id (editors)')}><InputNumber /></Form.Item>
            <Form.Item name="regionCode" label={t('地区代码（审核人员）', 'Region code (supervisors)')}><Input /></Form.Item>
            <Form.Item name="password" label={t('密码（留空不改）', 'Password (blank: unchanged)')}
              rules={editing === 'new' ? [{ required: true, min: 8 }] : []}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Form>
        </Modal>
      </>
    )}</Loaded>
  );
}

function Rules() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const state = useApi<ScoringRule[]>('/settings/scoring');
  const [rules, setRules] = useState<ScoringRule[] | null>(null);
  const list = rules ?? state.data ?? [];
  const set = (i: number, p: Partial<ScoringRule>) => setRules(list.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const save = async () => {
    try {
      await api.put('/settings/scoring', list);
      message.success(t('通报规则已保存', 'Rules saved'));
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Loaded state={state}>{() => list.length === 0 ? <EmptyHint>{t('没有规则。', 'No rules.')}</EmptyHint> : (
      <>
        <Table size="small" rowKey="kind" dataSource={list} pagination={false} columns={[
          { title: t('扣分项', 'Deduction'), dataIndex: 'kind',
            render: (k: ScoringRule['kind']) => pick(DEDUCTION[k], lang, k) },
          { title: t('启用', 'On'), render: (_, r, i) =>
            <Switch aria-label={t('启用', 'Enabled')} checked={r.enabled} onChange={(v) => set(i, { enabled: v })} /> },
          { title: t('每次扣分', 'Points'), render: (_, r, i) =>
            <InputNumber aria-label={t('每次扣分', 'Points')} min={0} value={r.points}
              onChange={(v) => set(i, { points: v ?? 0 })} /> },
          { title: t('上限', 'Cap'), render: (_, r, i) =>
            <InputNumber aria-label={t('上限', 'Cap')} min={0} value={r.cap}
              onChange={(v) => set(i, { cap: v ?? null })} /> },
          { title: t('阈值', 'Threshold'), render: (_, r, i) =>
            <InputNumber aria-label={t('阈值', 'Threshold')} min={0} value={r.threshold}
              onChange={(v) => set(i, { threshold: v ?? null })} /> },
        ]} />
        <Space style={{ marginTop: 12 }}><Button type="primary"
          onClick={save}>{t('保存规则', 'Save the rules')}</Button></Space>
      </>
    )}</Loaded>
  );
}

export default function AdminPage() {
  const t = useT();
  const user = useUser();
  if (!hasRole(user, 'admin')) return <EmptyHint>{t('管理页面仅供管理员使用。', 'Administration is for admins only.')}</EmptyHint>;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('管理', 'Administration')}</Typography.Title>
      <UrlTabs items={[
        { key: 'bodies', label: t('地区与机关', 'Regions and bodies'), children: <Bodies /> },
        { key: 'users', label: t('用户与角色', 'Users and roles'), children: <Users /> },
        { key: 'rules', label: t('通报规则', 'Scoring rules'), children: <Rules /> },
        { key: 'filing', label: t('报送期限', 'Filing rules'), children: <FilingRules /> },
      ]} />
    </>
  );
}
