// 我的待办 (GET /api/me/tasks): reports to review, returned reports to fix with the supervisor's note, drafts,
// due dates approaching or passed. The clerk's home page.
import { Card, List, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n';
import { Link } from '../../app/router';
import { useApi } from '../../app/use-api';
import { useUser } from '../../app/session';
import { EmptyHint, Loaded } from '../../components/common';
import type { Task } from '../../model';

const KIND: Record<Task['kind'], [string, string, string]> = {
  review: ['待审核', 'To review', 'blue'],
  'fix-returned': ['退回待修改', 'Returned: fix', 'orange'],
  draft: ['草稿', 'Draft', 'default'],
  'due-soon': ['即将到期', 'Due soon', 'gold'],
  overdue: ['已逾期', 'Overdue', 'red'],
  assign: ['待确认机关', 'To assign', 'purple'],
};

export default function TasksPage() {
  const t = useT();
  const user = useUser();
  const state = useApi<Task[]>(user ? '/me/tasks' : null);
  if (!user) {
    return (
      <EmptyHint>
        {t('请先登录查看待办。', 'Sign in to see your tasks.')} <Link to="/login">{t('登录', 'Sign in')}</Link>
      </EmptyHint>
    );
  }
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>{t('我的待办', 'My tasks')}</Typography.Title>
      <Loaded state={state}>{(tasks) => tasks.length === 0 ? (
        <EmptyHint>
          {user.role === 'editor'
            ? <>
              {t('没有待办事项。可以开始填报本年度报告：', 'Nothing to do. Start this year’s report: ')}
              <Link to="/author">{t('填报', 'Author')}</Link>
            </>
            : <>
              {t('没有待办事项。可以查看报送情况：', 'Nothing to do. See the filing status: ')}
              <Link to="/filing">{t('报送情况', 'Filing')}</Link>
            </>}
        </EmptyHint>
      ) : (
        <Card>
          <List
            dataSource={tasks}
            renderItem={(task) => {
              const [zh, en, color] = KIND[task.kind];
              const toAuthor = task.kind === 'fix-returned' || task.kind === 'draft';
              const href = task.reportId ? (toAuthor ? `/author?report=${task.reportId}` : `/reports/${task.reportId}`)
                : task.kind === 'overdue' || task.kind === 'due-soon' ? '/author' : null;
              return (
                <List.Item data-testid="task" actions={href ? [<Link key="go" to={href}>{t('处理', 'Open')}</Link>] : []}>
                  <List.Item.Meta
                    title={<><Tag color={color}>{t(zh, en)}</Tag>{task.title}</>}
                    description={<>
                      {task.due && <span>{t('截止', 'Due')} {task.due}　</span>}
                      {task.note && <span>{t('退回意见：', 'Note: ')}{task.note}</span>}
                    </>}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}</Loaded>
    </>
  );
}
