// The two official table layouts (国办公开办函〔2019〕60号 and 〔2021〕30号) as data: tables, rows, columns, labels.
// Generated once by scripts/templates-from-spec.mjs; relations are derived in relations.ts.
import type { TemplateData } from './template.js';

export const TEMPLATE_2019: TemplateData = {
 "version": "2019",
 "docNo": "国办公开办函〔2019〕60号",
 "sections": [
  {
   "no": 1,
   "key": "overview",
   "title": "一、总体情况",
   "kind": "text"
  },
  {
   "no": 2,
   "key": "activeDisclosure",
   "title": "二、主动公开政府信息情况",
   "kind": "tables"
  },
  {
   "no": 3,
   "key": "applications",
   "title": "三、收到和处理政府信息公开申请情况",
   "kind": "table"
  },
  {
   "no": 4,
   "key": "reviewLitigation",
   "title": "四、政府信息公开行政复议、行政诉讼情况",
   "kind": "table"
  },
  {
   "no": 5,
   "key": "problems",
   "title": "五、存在的主要问题及改进情况",
   "kind": "text"
  },
  {
   "no": 6,
   "key": "otherMatters",
   "title": "六、其他需要报告的事项",
   "kind": "text"
  }
 ],
 "tables": [
  {
   "key": "art20_1",
   "section": 2,
   "caption": "第二十条第（一）项",
   "columns": [
    {
     "key": "newlyMade",
     "label": "本年新制作数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "newlyPublished",
     "label": "本年新公开数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "totalPublished",
     "label": "对外公开总数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "regulations",
     "label": "规章",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "normativeDocuments",
     "label": "规范性文件",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_5",
   "section": 2,
   "caption": "第二十条第（五）项",
   "columns": [
    {
     "key": "priorYearItems",
     "label": "上一年项目数量",
     "valueType": "integer",
     "unit": "项",
     "min": 0
    },
    {
     "key": "changeThisYear",
     "label": "本年增/减",
     "valueType": "signedInteger",
     "unit": "项",
     "min": null
    },
    {
     "key": "decisions",
     "label": "处理决定数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "licensing",
     "label": "行政许可",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "otherManagementServices",
     "label": "其他对外管理服务事项",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_6",
   "section": 2,
   "caption": "第二十条第（六）项",
   "columns": [
    {
     "key": "priorYearItems",
     "label": "上一年项目数量",
     "valueType": "integer",
     "unit": "项",
     "min": 0
    },
    {
     "key": "changeThisYear",
     "label": "本年增/减",
     "valueType": "signedInteger",
     "unit": "项",
     "min": null
    },
    {
     "key": "decisions",
     "label": "处理决定数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "punishment",
     "label": "行政处罚",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "coercion",
     "label": "行政强制",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_8",
   "section": 2,
   "caption": "第二十条第（八）项",
   "columns": [
    {
     "key": "priorYearItems",
     "label": "上一年项目数量",
     "valueType": "integer",
     "unit": "项",
     "min": 0
    },
    {
     "key": "changeThisYear",
     "label": "本年增/减",
     "valueType": "signedInteger",
     "unit": "项",
     "min": null
    }
   ],
   "rows": [
    {
     "key": "fees",
     "label": "行政事业性收费",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_9",
   "section": 2,
   "caption": "第二十条第（九）项",
   "columns": [
    {
     "key": "projects",
     "label": "采购项目数量",
     "valueType": "integer",
     "unit": "项",
     "min": 0
    },
    {
     "key": "totalAmount",
     "label": "采购总金额",
     "valueType": "decimal",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "centralizedProcurement",
     "label": "政府集中采购",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "applications",
   "section": 3,
   "caption": null,
   "columns": [
    {
     "key": "naturalPerson",
     "label": "自然人",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "commercialEnterprise",
     "label": "商业企业",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "researchInstitution",
     "label": "科研机构",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "publicWelfareOrg",
     "label": "社会公益组织",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "legalServiceOrg",
     "label": "法律服务机构",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "otherOrg",
     "label": "其他",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "newReceived",
     "label": "一、本年新收政府信息公开申请数量",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "carriedOver",
     "label": "二、上年结转政府信息公开申请数量",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "outcome",
     "label": "三、本年度办理结果",
     "parent": null,
     "isData": false,
     "level": 0
    },
    {
     "key": "outcome.granted",
     "label": "（一）予以公开",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "outcome.partial",
     "label": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "outcome.denied",
     "label": "（三）不予公开",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.denied.stateSecret",
     "label": "1.属于国家秘密",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.lawProhibited",
     "label": "2.其他法律行政法规禁止公开",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.threeSecurityOneStability",
     "label": "3.危及“三安全一稳定”",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.thirdPartyRights",
     "label": "4.保护第三方合法权益",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.internalAffairs",
     "label": "5.属于三类内部事务信息",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.processInfo",
     "label": "6.属于四类过程性信息",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.enforcementCaseFile",
     "label": "7.属于行政执法案卷",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.administrativeQuery",
     "label": "8.属于行政查询事项",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide",
     "label": "（四）无法提供",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.unableToProvide.notHeld",
     "label": "1.本机关不掌握相关政府信息",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide.needsCreation",
     "label": "2.没有现成信息需要另行制作",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide.unclearAfterCorrection",
     "label": "3.补正后申请内容仍不明确",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed",
     "label": "（五）不予处理",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.notProcessed.petitionComplaint",
     "label": "1.信访举报投诉类申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.repeated",
     "label": "2.重复申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.publication",
     "label": "3.要求提供公开出版物",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.excessive",
     "label": "4.无正当理由大量反复申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.confirmOrReissue",
     "label": "5.要求行政机关确认或重新出具已获取信息",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.other",
     "label": "（六）其他处理",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "outcome.total",
     "label": "（七）总计",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "carriedForward",
     "label": "四、结转下年度继续办理",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "reviewLitigation",
   "section": 4,
   "caption": null,
   "columns": [
    {
     "key": "review.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "litigationDirect.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationAfterReview.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    }
   ],
   "rows": [
    {
     "key": "cases",
     "label": null,
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  }
 ]
};

export const TEMPLATE_2021: TemplateData = {
 "version": "2021",
 "docNo": "国办公开办函〔2021〕30号",
 "sections": [
  {
   "no": 1,
   "key": "overview",
   "title": "一、总体情况",
   "kind": "text"
  },
  {
   "no": 2,
   "key": "activeDisclosure",
   "title": "二、主动公开政府信息情况",
   "kind": "tables"
  },
  {
   "no": 3,
   "key": "applications",
   "title": "三、收到和处理政府信息公开申请情况",
   "kind": "table"
  },
  {
   "no": 4,
   "key": "reviewLitigation",
   "title": "四、政府信息公开行政复议、行政诉讼情况",
   "kind": "table"
  },
  {
   "no": 5,
   "key": "problems",
   "title": "五、存在的主要问题及改进情况",
   "kind": "text"
  },
  {
   "no": 6,
   "key": "otherMatters",
   "title": "六、其他需要报告的事项",
   "kind": "text"
  }
 ],
 "tables": [
  {
   "key": "art20_1",
   "section": 2,
   "caption": "第二十条第（一）项",
   "columns": [
    {
     "key": "made",
     "label": "本年制发件数",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "repealed",
     "label": "本年废止件数",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "valid",
     "label": "现行有效件数",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "regulations",
     "label": "规章",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "normativeDocuments",
     "label": "行政规范性文件",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_5",
   "section": 2,
   "caption": "第二十条第（五）项",
   "columns": [
    {
     "key": "processed",
     "label": "本年处理决定数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "licensing",
     "label": "行政许可",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_6",
   "section": 2,
   "caption": "第二十条第（六）项",
   "columns": [
    {
     "key": "processed",
     "label": "本年处理决定数量",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "punishment",
     "label": "行政处罚",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "coercion",
     "label": "行政强制",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "art20_8",
   "section": 2,
   "caption": "第二十条第（八）项",
   "columns": [
    {
     "key": "amount",
     "label": "本年收费金额（单位：万元）",
     "valueType": "decimal",
     "unit": "万元",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "fees",
     "label": "行政事业性收费",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "applications",
   "section": 3,
   "caption": null,
   "columns": [
    {
     "key": "naturalPerson",
     "label": "自然人",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    },
    {
     "key": "commercialEnterprise",
     "label": "商业企业",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "researchInstitution",
     "label": "科研机构",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "publicWelfareOrg",
     "label": "社会公益组织",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "legalServiceOrg",
     "label": "法律服务机构",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "otherOrg",
     "label": "其他",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "legalPersonOrOther"
    },
    {
     "key": "total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0
    }
   ],
   "rows": [
    {
     "key": "newReceived",
     "label": "一、本年新收政府信息公开申请数量",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "carriedOver",
     "label": "二、上年结转政府信息公开申请数量",
     "parent": null,
     "isData": true,
     "level": 0
    },
    {
     "key": "outcome",
     "label": "三、本年度办理结果",
     "parent": null,
     "isData": false,
     "level": 0
    },
    {
     "key": "outcome.granted",
     "label": "（一）予以公开",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "outcome.partial",
     "label": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "outcome.denied",
     "label": "（三）不予公开",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.denied.stateSecret",
     "label": "1.属于国家秘密",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.lawProhibited",
     "label": "2.其他法律行政法规禁止公开",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.threeSecurityOneStability",
     "label": "3.危及“三安全一稳定”",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.thirdPartyRights",
     "label": "4.保护第三方合法权益",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.internalAffairs",
     "label": "5.属于三类内部事务信息",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.processInfo",
     "label": "6.属于四类过程性信息",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.enforcementCaseFile",
     "label": "7.属于行政执法案卷",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.denied.administrativeQuery",
     "label": "8.属于行政查询事项",
     "parent": "outcome.denied",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide",
     "label": "（四）无法提供",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.unableToProvide.notHeld",
     "label": "1.本机关不掌握相关政府信息",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide.needsCreation",
     "label": "2.没有现成信息需要另行制作",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.unableToProvide.unclearAfterCorrection",
     "label": "3.补正后申请内容仍不明确",
     "parent": "outcome.unableToProvide",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed",
     "label": "（五）不予处理",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.notProcessed.petitionComplaint",
     "label": "1.信访举报投诉类申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.repeated",
     "label": "2.重复申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.publication",
     "label": "3.要求提供公开出版物",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.excessive",
     "label": "4.无正当理由大量反复申请",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.notProcessed.confirmOrReissue",
     "label": "5.要求行政机关确认或重新出具已获取信息",
     "parent": "outcome.notProcessed",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.other",
     "label": "（六）其他处理",
     "parent": "outcome",
     "isData": false,
     "level": 1
    },
    {
     "key": "outcome.other.overdueCorrection",
     "label": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
     "parent": "outcome.other",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.other.overdueFee",
     "label": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "parent": "outcome.other",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.other.otherReasons",
     "label": "3.其他",
     "parent": "outcome.other",
     "isData": true,
     "level": 2
    },
    {
     "key": "outcome.total",
     "label": "（七）总计",
     "parent": "outcome",
     "isData": true,
     "level": 1
    },
    {
     "key": "carriedForward",
     "label": "四、结转下年度继续办理",
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  },
  {
   "key": "reviewLitigation",
   "section": 4,
   "caption": null,
   "columns": [
    {
     "key": "review.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "review.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "review"
    },
    {
     "key": "litigationDirect.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationDirect.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationDirect"
    },
    {
     "key": "litigationAfterReview.upheld",
     "label": "结果维持",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.corrected",
     "label": "结果纠正",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.other",
     "label": "其他结果",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.pending",
     "label": "尚未审结",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    },
    {
     "key": "litigationAfterReview.total",
     "label": "总计",
     "valueType": "integer",
     "unit": "件",
     "min": 0,
     "group": "litigationAfterReview"
    }
   ],
   "rows": [
    {
     "key": "cases",
     "label": null,
     "parent": null,
     "isData": true,
     "level": 0
    }
   ]
  }
 ]
};
