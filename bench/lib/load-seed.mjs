// The data of the load benches (bench/load.mjs, bench/endpoints.mjs): published generated reports of the 2021
// template, two a body (2022 and 2023), the bodies spread over the cities of 江苏省. `engine` is a build's
// index.js (generateReport, parseBytes, checkReport); `suffix` makes body names unique on a shared PostgreSQL.
export async function seedLoadData(store, engine, reportsWanted, suffix = '') {
  const { generateReport, parseBytes, checkReport } = engine;
  const system = { userId: null, username: null };
  const cities = await store.listRegions('320000');
  const bodies = await store.upsertBodies(Array.from({ length: Math.ceil(reportsWanted / 2) }, (_, i) => ({
    name: `负载测试第${i + 1}局${suffix}`, aliases: [], level: 'department', regionCode: cities[i % cities.length].code,
    parentId: null, dueDate: '01-31', scope: 'own' })), system);
  const ids = [];
  for (let i = 0; i < reportsWanted; i++) {
    const year = 2022 + (i % 2);
    const g = generateReport({ seed: 1000 + i, layout: 'tab', year, template: '2021' });
    const report = await parseBytes(g.bytes, `load-${i}.txt`);
    const { reportId } = await store.saveImported({ report, findings: checkReport(report), source: null,
      bodyId: bodies[Math.floor(i / 2)].id, year, status: 'published', publishedAt: `${year + 1}-01-20`,
      publishedUrl: 'https://example.gov.cn/r.html', reason: 'bench' }, system);
    ids.push(reportId);
  }
  return { ids, city: cities[0].code };
}
