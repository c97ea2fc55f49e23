import type { FormDefinition } from '@kefu/shared/forms';

// Form definitions of the dairy-hotline template (恒康乳业 procedure), with every
// field FRM-01 (order), FRM-02 (complaint), FRM-03 (inquiry) and FRM-10 (repair)
// name. The caller's name, address and phone live on the customer record, not here.

const o = (value: string, zh: string, en: string) => ({ value, label: { zh, en } });
const l = (zh: string, en: string) => ({ zh, en });
const channels = [o('home', '入户', 'Home delivery'), o('retail', '零售', 'Retail'), o('mall', '卖场', 'Mall')];

export const orderForm: FormDefinition = {
  type: 'order',
  name: l('订奶电话记录单', 'Order call form'),
  subjectFields: ['product', 'spec', 'quantity', 'deliveryChannel'],
  sections: [{
    key: 'order',
    title: l('订货信息', 'Order'),
    fields: [
      { key: 'product', label: l('产品', 'Product'), type: 'text', required: true, maxLength: 100 },
      { key: 'spec', label: l('订货规格', 'Specification'), type: 'text', required: true, maxLength: 100 },
      { key: 'quantity', label: l('订货数量', 'Quantity'), type: 'integer', required: true, min: 1, max: 100000 },
      { key: 'price', label: l('价格(元)', 'Price (CNY)'), type: 'number', min: 0, max: 10000000 },
      { key: 'deliveryChannel', label: l('客户类别', 'Customer category'), type: 'select', required: true, options: channels,
        help: l('决定由销售内勤(零售/卖场)或基站内勤(入户)处理', 'Routes to the sales clerk (retail/mall) or base-station clerk (home)') },
      { key: 'startDate', label: l('起送日期', 'Start date'), type: 'date' },
      { key: 'outOfArea', label: l('超出销售范围', 'Outside sales area'), type: 'boolean' },
      { key: 'remark', label: l('备注', 'Remarks'), type: 'textarea', maxLength: 1000 },
    ],
  }],
};

export const complaintForm: FormDefinition = {
  type: 'complaint',
  name: l('投诉电话记录单', 'Complaint call form'),
  subjectFields: ['category', 'symptom', 'serviceIssue', 'target'],
  sections: [
    {
      key: 'complaint',
      title: l('投诉内容', 'Complaint'),
      fields: [
        { key: 'target', label: l('投诉对象', 'Complaint target'), type: 'text', required: true, maxLength: 100 },
        { key: 'reason', label: l('投诉事由', 'Complaint reason'), type: 'textarea', required: true, maxLength: 2000 },
        { key: 'demand', label: l('客户要求', "Customer's demand"), type: 'textarea', maxLength: 1000 },
        { key: 'validity', label: l('投诉理由是否充分', 'Grounds sufficient?'), type: 'select', required: true,
          options: [o('valid', '理由充分', 'Valid'), o('invalid', '理由不充分(已解释)', 'Not valid (explained)')] },
        { key: 'category', label: l('投诉类别', 'Complaint category'), type: 'select', required: true,
          options: [o('product_quality', '产品质量问题', 'Product quality'), o('service_quality', '服务质量问题', 'Service quality')] },
      ],
    },
    {
      key: 'explanation',
      title: l('解释说明', 'Explanation'),
      when: { field: 'validity', in: ['invalid'] },
      fields: [
        { key: 'explanation', label: l('向客户的解释', 'Explanation given'), type: 'textarea', required: true, maxLength: 2000 },
      ],
    },
    {
      key: 'productQuality',
      title: l('产品质量问题', 'Product quality'),
      when: { field: 'category', in: ['product_quality'] },
      fields: [
        { key: 'product', label: l('产品', 'Product'), type: 'text', maxLength: 100 },
        { key: 'symptom', label: l('具体表现', 'Symptom'), type: 'select', required: true, options: [
          o('odour', '异味', 'Odour'), o('spoilage', '腐烂变质', 'Spoilage'),
          o('spec_mismatch', '技术规格不符合标准', 'Specification mismatch'), o('foreign_matter', '异物', 'Foreign matter'),
          o('other', '其他', 'Other'),
        ] },
        { key: 'symptomDetail', label: l('表现描述', 'Details'), type: 'textarea', maxLength: 1000 },
        { key: 'purchaseMethod', label: l('购买方式', 'Purchase method'), type: 'select', options: [
          o('home', '入户订奶', 'Home delivery'), o('retail', '零售店', 'Retail store'), o('mall', '卖场', 'Mall'),
          o('online', '网购', 'Online'), o('other', '其他', 'Other'),
        ] },
        { key: 'purchasePlace', label: l('购买地点', 'Place of purchase'), type: 'text', maxLength: 200 },
        { key: 'batchNumber', label: l('生产批号', 'Batch number'), type: 'text', maxLength: 64 },
        { key: 'productionDate', label: l('出厂日期', 'Production date'), type: 'date' },
        { key: 'injury', label: l('身体损害/就医住院', 'Injury or hospitalisation'), type: 'boolean',
          help: l('勾选后客服中心与总经办须立即联合上门', 'The CS center and GM office must visit jointly at once') },
      ],
    },
    {
      key: 'injuryDetails',
      title: l('人身伤害情况', 'Injury'),
      when: { field: 'injury', in: [true] },
      fields: [
        { key: 'injuryDetail', label: l('伤害/就医情况', 'Injury details'), type: 'textarea', required: true, maxLength: 1000 },
      ],
    },
    {
      key: 'serviceQuality',
      title: l('服务质量问题', 'Service quality'),
      when: { field: 'category', in: ['service_quality'] },
      fields: [
        { key: 'serviceIssue', label: l('问题类别', 'Issue type'), type: 'select', required: true, options: [
          o('late_delivery', '交货不及时', 'Late delivery'), o('short_quantity', '送货量不足', 'Short quantity'),
          o('attitude', '员工技能或态度差', 'Poor skill or attitude'), o('billing_error', '货款结算差错', 'Billing error'),
          o('other', '其他', 'Other'),
        ] },
        { key: 'staffName', label: l('员工姓名', 'Staff name'), type: 'text', maxLength: 32 },
        { key: 'staffId', label: l('员工工号', 'Staff job number'), type: 'text', maxLength: 32 },
        { key: 'workPlace', label: l('工作地点', 'Work location'), type: 'text', maxLength: 200 },
        { key: 'workManner', label: l('工作方式', 'Working manner'), type: 'textarea', maxLength: 1000 },
      ],
    },
  ],
};

export const inquiryForm: FormDefinition = {
  type: 'inquiry',
  name: l('咨询电话记录单', 'Inquiry call form'),
  subjectFields: ['topics', 'conversation'],
  sections: [
    {
      key: 'inquiry',
      title: l('咨询内容', 'Inquiry'),
      fields: [
        { key: 'topics', label: l('咨询事项', 'Topics'), type: 'multiselect', required: true, options: [
          o('product_types', '产品种类', 'Product types'), o('price', '价格', 'Prices'), o('delivery', '送货方式', 'Delivery'),
          o('payment', '付款方式', 'Payment'), o('promotion', '促销活动', 'Promotions'), o('advantages', '产品优势', 'Product advantages'),
          o('other', '其他', 'Other'),
        ] },
        { key: 'conversation', label: l('交流情况', 'Conversation'), type: 'textarea', required: true, maxLength: 2000 },
        { key: 'informationGiven', label: l('提供的信息', 'Information given'), type: 'textarea', maxLength: 2000 },
        { key: 'potentialOrder', label: l('潜在订户', 'Potential order'), type: 'boolean',
          help: l('转交接线员组长进入定货程序', 'Hands the record to the team lead for the order procedure') },
      ],
    },
    {
      key: 'lead',
      title: l('潜在订户', 'Lead'),
      when: { field: 'potentialOrder', in: [true] },
      fields: [
        { key: 'interestedProduct', label: l('意向产品', 'Product of interest'), type: 'text', maxLength: 100 },
        { key: 'preferredChannel', label: l('意向渠道', 'Preferred channel'), type: 'select', options: channels },
      ],
    },
  ],
};

export const repairForm: FormDefinition = {
  type: 'repair',
  name: l('报修登记表', 'Repair registration'),
  subjectFields: ['repairCategory', 'content'],
  sections: [{
    key: 'repair',
    title: l('报修信息', 'Repair'),
    fields: [
      { key: 'content', label: l('报修内容', 'Repair content'), type: 'textarea', required: true, maxLength: 2000 },
      { key: 'repairCategory', label: l('报修类别', 'Category'), type: 'select', options: [
        o('water', '水', 'Plumbing'), o('electric', '电', 'Electrical'), o('door_window', '门窗', 'Doors & windows'),
        o('appliance', '设备', 'Appliance'), o('safety', '安全设施', 'Safety facilities'), o('leak', '房屋渗漏水', 'Roof / leak'),
        o('installation', '安装', 'Installation'), o('other', '其他', 'Other'),
      ] },
      { key: 'location', label: l('维修地点', 'Location'), type: 'text', maxLength: 200 },
      { key: 'preferredTime', label: l('方便维修的时间', 'Convenient time'), type: 'text', required: true, maxLength: 100 },
      { key: 'appointmentTime', label: l('预约时间', 'Appointment'), type: 'datetime' },
      // CBK-08: a leak repair is called back within 3 days of the leak test
      { key: 'leakTestAt', label: l('试漏时间', 'Leak test'), type: 'datetime' },
    ],
  }],
};

export const dairyHotlineForms: FormDefinition[] = [orderForm, complaintForm, inquiryForm, repairForm];
