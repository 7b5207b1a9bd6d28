// 管理 · 地区与机关: the bodies of the chosen region (tree in the header), with aliases, level, due date and 口径;
// add a body or edit one. A body's due date is its own when set, else its level's (报送期限 tab): the list says which.
import { Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { qs } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { useFilters } from '../../app/session';
import { useApi } from '../../app/use-api';
import { ErrorBox } from '../../components/common';
import { LEVEL, pick } from '../../components/labels';
import { MONTH_DAY_PATTERN, type Body, type BodyLevel, type Page } from '../../model';
import { useEditor } from './use-editor';

type BodyForm = Omit<Body, 'id' | 'agencyKey' | 'aliases' | 'parentId' | 'dueDate' | 'ownDueDate'>
  & { aliases: string; parentId?: number | null; dueDate?: string };

const MONTH_DAY = new RegExp(MONTH_DAY_PATTERN);

export function Bodies() {
  const t = useT();
  const lang = useLang();
  const { region } = useFilters();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const state = useApi<Page<Body>>(`/bodies${qs({ region, q, limit: 20, offset: (page - 1) * 20 })}`);
  const [form] = Form.useForm<BodyForm>();
  const { editing, setEditing, save: saveBody } = useEditor<Body>('/bodies', state.reload);
  const open = (b: Body | 'new') => {
    setEditing(b);
    form.setFieldsValue(b === 'new'
      ? { name: '', aliases: '', level: 'department', regionCode: region, dueDate: '', scope: 'own' }
      : { ...b, aliases: b.aliases.join('，'), dueDate: b.ownDueDate ?? '' });
  };
  const save = async () => {
    const v = await form.validateFields();
    // no date of its own: null, so that the level's setting applies
    await saveBody({ ...v, aliases: v.aliases.split(/[,，、\s]+/).filter(Boolean), dueDate: v.dueDate || null });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label={t('搜索机关', 'Search bodies')} allowClear onSearch={(v) => { setQ(v); setPage(1); }}
          style={{ width: 240 }} />
        <Button onClick={() => open('new')}>{t('新增机关', 'Add a body')}</Button>
      </Space>
      <ErrorBox error={state.error} onRetry={state.reload} />
      <Table<Body> size="small" rowKey="id" loading={state.loading} dataSource={state.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: state.data?.total ?? 0, onChange: setPage,
          showSizeChanger: false }}
        locale={{ emptyText: t('该地区没有机关。请在页头选择地区，或新增机关。', 'No body here. Choose a region in the header, or add one.') }}
        columns={[
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('别名', 'Aliases'), dataIndex: 'aliases', render: (a: string[]) => a.join('、') },
          { title: t('层级', 'Level'), dataIndex: 'level', render: (l: BodyLevel) => pick(LEVEL[l], lang) },
          { title: t('地区代码', 'Region'), dataIndex: 'regionCode' },
          { title: t('报送截止（次年）', 'Due (next year)'), dataIndex: 'dueDate',
            render: (d: string, b) => (
              <>{d}{b.ownDueDate === null && <Tag className="due-from-level" bordered={false}
                style={{ marginInlineStart: 6 }}
                title={t('未单独设置，按层级的报送期限', 'No date of its own: its level\'s due date')}>
                {t('按层级', 'by level')}</Tag>}</>) },
          { title: t('口径', 'Scope'), dataIndex: 'scope',
            render: (s: Body['scope']) => (s === 'own' ? t('本级', 'own') : t('含下级', 'incl. subordinates')) },
          { title: '', render: (_, b) => <Button size="small" onClick={() => open(b)}>{t('编辑', 'Edit')}</Button> },
        ]} />
      <Modal open={editing !== null} onCancel={() => setEditing(null)} onOk={save} okText={t('保存', 'Save')}
        cancelText={t('取消', 'Cancel')}
        title={editing === 'new' ? t('新增机关', 'Add a body') : t('编辑机关', 'Edit the body')} forceRender>
        <Form form={form} name="body-edit" layout="vertical">
          <Form.Item name="name" label={t('名称', 'Name')}
            rules={[{ required: true, message: t('请填写名称', 'Give the name') }]}><Input /></Form.Item>
          <Form.Item name="aliases" label={t('别名（逗号分隔）', 'Aliases (comma-separated)')}><Input /></Form.Item>
          <Form.Item name="level" label={t('层级', 'Level')}>
            <Select options={Object.entries(LEVEL).map(([k, p]) => ({ value: k, label: pick(p, lang) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('地区代码', 'Region code')}
            rules={[{ required: true, pattern: /^\d{6}(\d{3})?$/,
              message: t('6位地区代码', '6-digit code') }]}><Input /></Form.Item>
          <Form.Item name="dueDate" label={t('本机关报送截止（MM-DD）', 'Its own due date (MM-DD)')}
            extra={t('留空则按层级的报送期限（管理 · 报送期限）', 'Leave empty to follow its level\'s due date (Admin · Due dates)')}
            rules={[{ pattern: MONTH_DAY, message: t('请填写每年都有的日期，如 01-31', 'A date every year has, e.g. 01-31') }]}>
            <Input placeholder={t('按层级', 'by level')} /></Form.Item>
          <Form.Item name="scope" label={t('口径', 'Scope')}>
            <Select options={[{ value: 'own', label: t('本级', 'own') },
              { value: 'including-subordinates', label: t('含下级', 'including subordinates') }]} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
