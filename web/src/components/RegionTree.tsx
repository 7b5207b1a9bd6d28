// The region tree filter shown on every page: GB/T 2260 regions loaded level by level from GET /api/regions.
// The chosen code goes into the URL (?region=), which every page reads.
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../app/api';
import { useT } from '../app/i18n';
import { setParams } from '../app/router';
import { useFilters } from '../app/session';
import type { Region } from '../model';

interface Node { id: string; pId: string | null; value: string; title: string; isLeaf: boolean }

const toNode = (r: Region): Node => ({
  id: r.code, pId: r.parentCode, value: r.code, title: r.name, isLeaf: r.level === 'town',
});

export function RegionTree() {
  const t = useT();
  const { region } = useFilters();
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    api.get<Region[]>('/regions').then((rs) => setNodes(rs.map(toNode)), () => setNodes([]));
  }, []);
  const load = async (node: { value?: string | number }) => {
    const code = String(node.value);
    const kids = await api.get<Region[]>(`/regions?parent=${encodeURIComponent(code)}`).catch(() => [] as Region[]);
    setNodes((prev) => {
      const have = new Set(prev.map((n) => n.id));
      const add = kids.map(toNode).filter((n) => !have.has(n.id));
      const marked = kids.length === 0 ? prev.map((n) => (n.id === code ? { ...n, isLeaf: true } : n)) : prev;
      return [...marked, ...add];
    });
  };
  return (
    <TreeSelect
      aria-label={t('地区', 'Region')}
      treeDataSimpleMode
      treeData={nodes}
      loadData={load}
      value={region || undefined}
      placeholder={t('全部地区', 'All regions')}
      allowClear
      showSearch
      treeNodeFilterProp="title"
      style={{ minWidth: 200 }}
      onChange={(v) => setParams({ region: (v as string | undefined) ?? null })}
    />
  );
}
