// Tabs whose open tab is part of the address (`?tab=<key>`): a link, a reload or the back button opens the same
// tab, and a page's other tabs can be checked on their own (the accessibility sweep opens each by its address).
// The first tab is the default and leaves no parameter behind.
import { Tabs, type TabsProps } from 'antd';
import { setParams, useLocation } from '../app/router';

type Item = NonNullable<TabsProps['items']>[number];

export function UrlTabs({ items, ...rest }: Omit<TabsProps, 'activeKey' | 'onChange' | 'items'> & { items: Item[] }) {
  const { params } = useLocation();
  const asked = params.get('tab');
  const active = items.find((x) => x.key === asked)?.key ?? items[0]?.key;
  return (
    <Tabs {...rest} items={items} activeKey={active}
      onChange={(key) => setParams({ tab: key === items[0]?.key ? null : key })} />
  );
}
