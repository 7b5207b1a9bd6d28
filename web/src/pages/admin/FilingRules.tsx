// 报送期限: the filing rules every body without a date of its own follows — each level's due date (MM-DD of the year
// after the report's), whether a date on a weekend or public holiday moves to the next working day, and the days
// after it by which the report must be published. The 报送情况 page, the to-do lists and the 通报 count from them.
import { App, Button, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { api, ApiError } from '../../app/api';
import { useLang, useT } from '../../app/i18n';
import { useApi } from '../../app/use-api';
import { Loaded } from '../../components/common';
import { LEVEL, pick } from '../../components/labels';
import { MONTH_DAY_PATTERN, type BodyLevel, type FilingSettings } from '../../model';

const LEVELS = Object.keys(LEVEL) as BodyLevel[];
const MONTH_DAY = new RegExp(MONTH_DAY_PATTERN);

export function FilingRules() {
  const t = useT();
  const lang = useLang();
  const { message } = App.useApp();
  const state = useApi<FilingSettings>('/settings/filing');
  const [form] = Form.useForm<FilingSettings>();
  const save = async (value: FilingSettings) => {
    try {
      form.setFieldsValue(await api.put<FilingSettings>('/settings/filing', value));
      message.success(t('报送期限已保存', 'Filing rules saved'));
    } catch (e) {
      message.error((e as ApiError).message);
    }
  };
  return (
    <Loaded state={state}>{(initial) => (
      <Form<FilingSettings> form={form} layout="horizontal" initialValues={initial} onFinish={save}
        labelCol={{ flex: '14em' }} style={{ maxWidth: 620 }}>
        <Typography.Paragraph type="secondary">{t('机关自己设定了截止日期的，以机关的为准；其余按层级。',
          'A body with a due date of its own keeps it; the others follow their level.')}</Typography.Paragraph>
        {LEVELS.map((level) => (
          <Form.Item key={level} name={['dueDates', level]} label={t(`${pick(LEVEL[level], 'zh')}（次年 MM-DD）`,
            `${pick(LEVEL[level], 'en')} (next year, MM-DD)`)}
            rules={[{ required: true, pattern: MONTH_DAY, message: t('请填写每年都有的日期，如 01-31',
              'A date that exists every year, e.g. 01-31') }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
        ))}
        <Form.Item name="workingDays" valuePropName="checked" label={t('遇节假日顺延', 'Move off holidays')}
          extra={t('截止日为周末或法定节假日的，顺延至下一个工作日（含调休）。',
            'A due date on a weekend or public holiday moves to the next working day.')}>
          <Switch />
        </Form.Item>
        <Form.Item name="publicationGraceDays" label={t('公开宽限天数', 'Days to publish')}
          extra={t('报送截止后多少天内须公开；0 即同日。', 'Days after the due date by which to publish; 0: the same day.')}>
          <InputNumber min={0} max={90} precision={0} />
        </Form.Item>
        <Space><Button type="primary" htmlType="submit">{t('保存期限', 'Save the rules')}</Button></Space>
      </Form>
    )}</Loaded>
  );
}
