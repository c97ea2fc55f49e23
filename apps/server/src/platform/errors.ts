import { localTimeText } from './time/local-time-text.ts';

// One error type with string codes. Each code maps to an HTTP status and a
// message in each supported language; params fill {placeholders}.

export type Locale = 'zh-CN' | 'en-US';

/** A moment for a message: shown as the wall-clock time in the centre's zone (with the date if not today), in the reader's language. */
export interface LocalTimeParam {
  at: Date;
  timeZone: string;
  now: Date;
}
export type ErrorParam = string | number | LocalTimeParam;

export function localTime(at: Date, timeZone: string, now: Date = new Date()): LocalTimeParam {
  return { at, timeZone, now };
}

interface ErrorSpec {
  status: number;
  zh: string;
  en: string;
}

const CODES = {
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { status: 403, zh: '没有权限:需要 {permission}', en: 'Not allowed: requires {permission}' },
  PII_SEARCH_FORBIDDEN: {
    status: 403,
    zh: '您的角色看不到完整电话和地址,因此不能按电话号码或地址查找客户;请按姓名或工单号查找',
    en: 'Your role sees phone numbers and addresses masked, so it cannot search customers by phone or address; search by name or work-order number',
  },
  WRONG_PASSWORD: { status: 422, zh: '当前密码不正确', en: 'The current password is not right' },
  SAME_PASSWORD: { status: 422, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  CROSS_SITE: {
    status: 403,
    zh: '请求不是从本系统的页面发出的,已拒绝;请在本系统中操作',
    en: 'The request did not come from a page of this site and was refused; use the console itself',
  },
  NOT_FOUND: { status: 404, zh: '找不到{what}', en: '{what} not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  VALIDATION_FAILED: { status: 422, zh: '输入有误:{summary}', en: 'Invalid input: {summary}' },
  BAD_REQUEST: { status: 400, zh: '请求格式有误:{summary}', en: 'Malformed request: {summary}' },
  INVALID_PHONE: {
    status: 422,
    zh: '电话号码「{phone}」无效:请输入 11 位手机号(如 13812345678)或带区号的固话(如 0755-12345678)',
    en: 'Phone number "{phone}" is invalid: enter an 11-digit mobile (13812345678) or a landline with area code (0755-12345678)',
  },
  INVALID_TRANSITION: {
    status: 409,
    zh: '状态不能从「{from}」变为「{to}」,允许的状态:{allowed}',
    en: 'Status cannot change from "{from}" to "{to}"; allowed: {allowed}',
  },
  RESOLUTION_REQUIRED: { status: 422, zh: '改为「{to}」前请填写处理结果', en: 'Describe the resolution before setting the status to "{to}"' },
  NOT_ASSIGNEE: {
    status: 403,
    zh: '只有处理人或有分派权限的人可以改变这张工单的状态',
    en: 'Only the assignee, or someone who may reassign work, can change the status of this work order',
  },
  UNKNOWN_TICKET_TYPE: { status: 422, zh: '未知的工单类型「{type}」,可选:{types}', en: 'Unknown work-order type "{type}"; allowed: {types}' },
  REFERENCE_NOT_FOUND: { status: 422, zh: '所选的{what}不存在({id})', en: 'The selected {what} does not exist ({id})' },
  DEPARTMENT_CYCLE: { status: 422, zh: '上级部门不能是本部门或其下级部门', en: 'A department cannot be placed under itself or one of its sub-departments' },
  INVALID_TIME_RANGE: { status: 422, zh: '结束时间不能早于开始时间', en: 'The end time cannot be before the start time' },
  INVALID_TEXT: {
    status: 400,
    zh: '{path} 含有无法保存的字符(空字符或不完整的 Unicode 代理项),请删除后重试',
    en: '{path} contains characters that cannot be stored (a NUL byte or a broken Unicode surrogate); remove them and try again',
  },
  INVALID_DATE: { status: 400, zh: '{path} 不是有效的日期时间(年份须在 {min}–{max} 之间)', en: '{path} is not a valid date/time (the year must be {min}–{max})' },
  INVALID_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  INVALID_FORM_DEFINITION: { status: 422, zh: '表单定义无效:{summary}', en: 'Invalid form definition: {summary}' },
  SELF_LOCKOUT: { status: 409, zh: '不能停用自己的账号或移除自己的管理权限', en: 'You cannot deactivate yourself or remove your own administration rights' },
  CONFLICT: { status: 409, zh: '{what}已存在', en: '{what} already exists' },
  IN_USE: { status: 409, zh: '{what}仍在使用中,不能删除', en: '{what} is still in use and cannot be deleted' },
  QUIET_HOURS: { status: 409, zh: '现在是客户的休息时间(至 {until}),请稍后再回访;客户同意现在接听时可勾选"客户同意"后记录', en: 'It is the customer\'s rest time (until {until}); call later, or record it with "customer agreed" if they asked to be called now' },
  CALL_DURATION_REQUIRED: { status: 422, zh: '客户已接通的电话回访请记录通话时长(大于 0 秒)', en: 'A phone callback that reached the customer needs the length of the call (more than 0 seconds)' },
  SCRIPT_ANSWER_REQUIRED: { status: 422, zh: '请记录客户对话术问题「{question}」的回答', en: 'Record the customer\'s answer to the script question "{question}"' },
  SCRIPT_ANSWER_YES_NO: { status: 422, zh: '话术问题「{question}」请回答"是"或"否"', en: 'Answer the script question "{question}" with yes or no' },
  SCRIPT_ANSWER_CHOICE: { status: 422, zh: '话术问题「{question}」请从以下选项中选择:{options}', en: 'Pick the answer to the script question "{question}" from: {options}' },
  CALLBACK_NOT_OPEN: { status: 409, zh: '该回访已{status},不能再记录', en: 'This callback is already {status}; nothing more can be recorded' },
  CAMPAIGN_CLOSED: { status: 409, zh: '该回访活动已结束', en: 'This campaign has already ended' },
  SURVEY_LINK_INVALID: { status: 404, zh: '调查链接无效', en: 'This survey link is not valid' },
  SURVEY_LINK_EXPIRED: { status: 410, zh: '调查链接已过期', en: 'This survey link has expired' },
  SURVEY_LINK_USED: { status: 409, zh: '该调查已提交,感谢您的反馈', en: 'This survey has already been answered. Thank you for your feedback' },
  CHAT_NOT_ASSIGNEE: {
    status: 409,
    zh: '该会话由{assignee}接待,请先接手后再回复(内部备注不受限制)',
    en: '{assignee} is serving this conversation; take it over before replying (internal notes are always allowed)',
  },
  CHAT_TAKEN: { status: 409, zh: '该会话刚被其他客服接入', en: 'Someone else has just taken this conversation' },
  PRECHAT_REQUIRED: { status: 422, zh: '请先填写{field}', en: 'Please fill in {field} first' },
  CUSTOMER_REQUIRED: {
    status: 422,
    zh: '建立工单前请先关联客户,或确认访客留下了姓名和电话',
    en: 'Link a customer first, or make sure the visitor left a name and phone number, before creating a work order',
  },
  KB_NOT_IN_REVIEW: { status: 409, zh: '该版本不在待审核状态(当前:{state})', en: 'This version is not waiting for review (now: {state})' },
  KB_REVIEW_NOTE_REQUIRED: { status: 422, zh: '退回修改时请写明原因,编辑才知道要改什么', en: 'Say why when sending a version back, so the editor knows what to change' },
  KB_VALIDITY_ORDER: { status: 422, zh: '有效期开始日期({from})不能晚于结束日期({until})', en: 'The validity start ({from}) cannot be after its end ({until})' },
  KB_CATEGORY_CYCLE: { status: 422, zh: '上级分类不能是它自己或它下面的分类', en: 'A category cannot sit under itself or one of its own sub-categories' },
  KB_CATEGORY_IN_USE: {
    status: 409,
    zh: '该分类下还有 {articles} 篇文章和 {children} 个子分类,请先移走再删除',
    en: 'This category still holds {articles} articles and {children} sub-categories; move them first',
  },
  KB_SYNONYM_TOO_FEW: { status: 422, zh: '同义词组至少要有两个不同的词', en: 'A synonym group needs at least two different words' },
  CANNED_UNKNOWN_VARIABLE: {
    status: 422,
    zh: '话术中有不认识的变量 {names},发出去会原样显示;可用的变量:{allowed}',
    en: 'The reply holds unknown variables {names}, which would be sent as written; available: {allowed}',
  },
  CANNED_SHORTCUT_TAKEN: { status: 409, zh: '快捷词 /{shortcut} 已被话术「{title}」使用', en: 'The shortcut /{shortcut} is already used by “{title}”' },
  FILE_TOO_LARGE: { status: 413, zh: '文件太大,不能超过 {maxMb} MB', en: 'The file is too large; at most {maxMb} MB' },
  PDF_FONT_MISSING: { status: 503, zh: 'PDF 导出需要中文字体:请在服务器上安装 fonts-noto-cjk,或用 KEFU_PDF_FONT 指定字体文件', en: 'PDF export needs a Chinese font: install fonts-noto-cjk on the server, or name a font file in KEFU_PDF_FONT' },
  UNSUPPORTED_FILE: { status: 415, zh: '不支持的文件类型,可发送 JPG、PNG、GIF、WebP 图片或 PDF', en: 'Unsupported file type; send a JPG, PNG, GIF or WebP image, or a PDF' },
  RECOMPUTE_RUNNING: { status: 409, zh: '已有一次客户重新分类正在进行,请等它完成', en: 'A customer class recompute is already running; wait for it to finish' },
  CLASS_KEY_TWICE: { status: 422, zh: '客户类别代码「{key}」重复', en: 'The customer class key "{key}" is used twice' },
  UNKNOWN_CLASS: { status: 422, zh: '未知的客户类别「{key}」,可选:{keys}', en: 'Unknown customer class "{key}"; allowed: {keys}' },
  OVERRIDE_REASON_REQUIRED: { status: 422, zh: '手动定级请填写原因', en: 'Give a reason for setting the class by hand' },
  MERGE_SELF: { status: 422, zh: '不能把客户合并到自己', en: 'A customer cannot be merged into itself' },
  ALREADY_MERGED: { status: 409, zh: '该客户已合并到其他客户', en: 'This customer is already merged into another' },
  MERGE_TARGET_MERGED: { status: 409, zh: '目标客户本身已被合并,请合并到它所并入的客户', en: 'The target was itself merged: merge into the customer it was merged into' },
  NOT_MERGED: { status: 409, zh: '该客户没有可撤销的合并', en: 'This customer has no merge to undo' },
  OWNER_NOT_SPECIALIST: { status: 422, zh: '只能分配给启用中的客户专员(在「客户分配」里设置)', en: 'Customers can only go to active specialists (set them up on the assignment board)' },
  MERGE_UNDO_BLOCKED: { status: 409, zh: '合并后的客户又被合并到了其他客户,请先撤销那次合并', en: 'The survivor was merged on into another customer: undo that merge first' },
  SERVICE_DATES_ORDER: { status: 422, zh: '到期日({until})不能早于开始日({from})', en: 'The expiry ({until}) cannot be before the start ({from})' },
  SERVICE_NOT_LIVE: { status: 409, zh: '该服务已{serviceState},不能再续费、登记未续费或申请转出', en: 'This service is already {serviceState}; it can no longer be renewed, recorded as not renewed or transferred' },
  NOT_SERVICE_OWNER: { status: 403, zh: '只有该服务的负责业务员或续费管理人员可以登记续费或未续费', en: 'Only the salesperson who owns this service, or a renewals manager, can record its renewal or non-renewal' },
  RENEWAL_NOT_LATER: { status: 422, zh: '续费后的到期日须晚于当前到期日 {until}', en: 'The renewed expiry must be after the current expiry, {until}' },
  NON_RENEWAL_REASON_REQUIRED: { status: 422, zh: '登记未续费请选择原因类别并写明原因', en: 'Pick a reason category and describe why the customer does not renew' },
  NON_RENEWAL_REPORT_REQUIRED: { status: 422, zh: '登记未续费请填写业务人员的反馈(客户怎么说、做过哪些挽留)', en: 'Add the salesperson\'s report back (what the customer said, what was tried)' },
  TRANSFER_PENDING: { status: 409, zh: '该服务已有一份待审批的转出申请', en: 'This service already has a transfer request waiting for a decision' },
  TRANSFER_NOT_PENDING: { status: 409, zh: '该转出申请已{transferState},不能再修改', en: 'This transfer request is already {transferState} and cannot change' },
  TRANSFER_NOT_READY: {
    status: 409,
    zh: '转出申请还不能批准:缺少{missing}',
    en: 'The transfer cannot be approved yet: {missing} missing',
  },
  TRANSFER_REJECT_REASON_REQUIRED: { status: 422, zh: '驳回转出申请请写明原因', en: 'Say why the transfer request is rejected' },
  IMPORT_FILE_TYPE: { status: 415, zh: '请上传 .xlsx 工作簿或 UTF-8 编码的 .csv 文件', en: 'Upload an .xlsx workbook or a UTF-8 .csv file' },
  IMPORT_FILE_UNREADABLE: { status: 422, zh: '无法读取文件「{name}」:请上传用导入模板填写的 .xlsx 工作簿或 UTF-8 编码的 .csv 文件', en: 'The file "{name}" cannot be read: upload an .xlsx workbook filled in from the import template, or a UTF-8 .csv file' },
  IMPORT_CSV_ENCODING: { status: 422, zh: 'CSV 文件不是 UTF-8 编码:请在 Excel 中"另存为 → CSV UTF-8(逗号分隔)",或直接上传 .xlsx', en: 'The CSV file is not UTF-8: in Excel use "Save as → CSV UTF-8 (comma delimited)", or upload the .xlsx' },
  IMPORT_HEADINGS_MISSING: { status: 422, zh: '找不到表头「姓名」和「电话」:请使用导入模板,把表头放在前 5 行之内', en: 'The headings "Name" and "Phone" were not found: use the import template, with the headings within the first 5 rows' },
  IMPORT_NO_ROWS: { status: 422, zh: '文件中没有数据行', en: 'The file has no data rows' },
  IMPORT_TOO_MANY_ROWS: { status: 422, zh: '一次最多导入 {max} 行,文件有 {rows} 行;请拆分后分批导入', en: 'At most {max} rows can be imported at once and the file has {rows}; split it and import the parts one after another' },
  IMPORT_REQUIRED: { status: 422, zh: '{column}不能为空', en: '{column} is required' },
  IMPORT_DATE: { status: 422, zh: '「{value}」不是有效日期,请写成 2023-05-01', en: '"{value}" is not a valid date; write it as 2023-05-01' },
  IMPORT_QUARTER: { status: 422, zh: '「{value}」不是有效季度,请写成 2026Q3', en: '"{value}" is not a valid quarter; write it as 2026Q3' },
  IMPORT_QUARTER_REQUIRED: { status: 422, zh: '填写了{column}但没有填写季度', en: '{column} is given but the quarter is missing' },
  IMPORT_AMOUNT: { status: 422, zh: '「{value}」不是有效金额:请填写 0 到 1 万亿之间的数字,如 1234.50', en: '"{value}" is not a valid amount: enter a number from 0 to 1 trillion, such as 1234.50' },
  IMPORT_COUNT: { status: 422, zh: '「{value}」不是有效个数:请填写 0 到 100000 之间的整数', en: '"{value}" is not a valid count: enter a whole number from 0 to 100000' },
  IMPORT_EMAIL: { status: 422, zh: '「{value}」不是有效的邮箱地址', en: '"{value}" is not a valid e-mail address' },
  IMPORT_TOO_LONG: { status: 422, zh: '{column}过长:最多 {max} 个字', en: '{column} is too long: at most {max} characters' },
  IMPORT_TOO_MANY_TAGS: { status: 422, zh: '标签太多:最多 {max} 个,每个最多 32 个字', en: 'Too many tags: at most {max}, each at most 32 characters' },
  IMPORT_TEXT_INVALID: { status: 422, zh: '{column}含有无法保存的字符(空字符或不完整的 Unicode 代理项)', en: '{column} contains characters that cannot be stored (a NUL byte or a broken Unicode surrogate)' },
  IMPORT_DUPLICATE_PHONE: { status: 422, zh: '电话与第 {row} 行重复:同一电话只导入一个客户;同一客户的多个季度请每行填写不同的季度', en: 'The phone repeats row {row}: one customer per phone; for several quarters of one customer give each row a different quarter' },
  IMPORT_CONFLICT: { status: 422, zh: '与第 {row} 行(同一客户)的{column}不一致', en: '{column} differs from row {row} (the same customer)' },
  REMARK_CHECK: { status: 422, zh: '备注可能有严重错误,请核对;确认无误可仍然保存:{summary}', en: 'The remark may have a serious error; check it, or confirm to save it anyway: {summary}' },
  REMARK_SIZE_SWAPPED: { status: 422, zh: '尺寸 {remark} 与订单的 {order} 宽高颠倒', en: 'The size {remark} is the order\'s {order} with width and height swapped' },
  REMARK_SIZE_MISMATCH: { status: 422, zh: '尺寸 {remark} 与订单的 {order} 不一致', en: 'The size {remark} differs from the order\'s {order}' },
  REMARK_SHIP_DATE_PAST: { status: 422, zh: '发货日期 {date} 已经过去', en: 'The ship date {date} has passed' },
  REMARK_SHIP_DATE_FAR: { status: 422, zh: '发货日期 {date} 在 {days} 天之后,是否写错', en: 'The ship date {date} is {days} days away: is it right?' },
  REMARK_SHIP_DATE_MISMATCH: { status: 422, zh: '发货日期 {date} 与订单约定的 {agreed} 不一致', en: 'The ship date {date} is not the agreed {agreed}' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁,请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误,请稍后重试', en: 'Internal server error; please try again' },
} satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof CODES;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, ErrorParam>;
  readonly details?: ErrorDetail[];
  readonly allowed?: string[];

  constructor(
    code: ErrorCode,
    params: Record<string, ErrorParam> = {},
    extra: { details?: ErrorDetail[]; allowed?: string[] } = {},
  ) {
    super(code);
    this.code = code;
    this.params = params;
    this.details = extra.details;
    this.allowed = extra.allowed;
  }

  get status(): number {
    return CODES[this.code].status;
  }

  message_(locale: Locale): string {
    return renderError(this.code, this.params, locale);
  }
}

export function renderError(code: ErrorCode, params: Record<string, ErrorParam>, locale: Locale): string {
  const spec: ErrorSpec = CODES[code];
  const tpl = locale === 'zh-CN' ? spec.zh : spec.en;
  return tpl.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v !== null && typeof v === 'object') return localTimeText(v.at, v.timeZone, v.now, locale);
    return String(v ?? '');
  });
}

/** Names of things for NOT_FOUND / CONFLICT messages. */
const NOUNS: Record<string, { zh: string; en: string }> = {
  ticket: { zh: '工单', en: 'Work order' },
  customer: { zh: '客户', en: 'Customer' },
  user: { zh: '用户', en: 'User' },
  team: { zh: '班组', en: 'Team' },
  department: { zh: '部门', en: 'Department' },
  role: { zh: '角色', en: 'Role' },
  form: { zh: '表单', en: 'Form' },
  interaction: { zh: '来电记录', en: 'Interaction' },
  notification: { zh: '通知', en: 'Notification' },
  rule: { zh: '规则', en: 'Rule' },
  position: { zh: '岗位', en: 'Position' },
  template: { zh: '行业模板', en: 'Industry template' },
  calendar: { zh: '工作日历', en: 'Business calendar' },
  slaPolicy: { zh: 'SLA 策略', en: 'SLA policy' },
  username: { zh: '用户名', en: 'Username' },
  roleName: { zh: '角色名', en: 'Role name' },
  assignee: { zh: '处理人', en: 'Assignee' },
  parentDepartment: { zh: '上级部门', en: 'Parent department' },
  callback: { zh: '回访', en: 'Callback' },
  callbackPolicy: { zh: '回访策略', en: 'Callback policy' },
  callbackScript: { zh: '回访话术', en: 'Callback script' },
  script: { zh: '回访话术', en: 'Callback script' },
  survey: { zh: '满意度调查', en: 'Survey' },
  campaign: { zh: '回访活动', en: 'Campaign' },
  quietHours: { zh: '该客户类别的休息时间', en: 'Rest windows of this customer class' },
  conversation: { zh: '会话', en: 'Conversation' },
  chatChannel: { zh: '接入渠道', en: 'Channel' },
  kbArticle: { zh: '知识文章', en: 'Knowledge article' },
  kbVersion: { zh: '文章版本', en: 'Article version' },
  kbCategory: { zh: '知识分类', en: 'Knowledge category' },
  kbSynonym: { zh: '同义词组', en: 'Synonym group' },
  cannedReply: { zh: '话术', en: 'Canned reply' },
  attachment: { zh: '附件', en: 'Attachment' },
  recomputeRun: { zh: '重新分类任务', en: 'Class recompute' },
  customerService: { zh: '客户服务', en: 'Customer service' },
  renewalKind: { zh: '服务类型', en: 'Service kind' },
  transferRequest: { zh: '转出申请', en: 'Transfer request' },
  monthEndList: { zh: '月底名单', en: 'Month-end list' },
  customerImport: { zh: '客户导入', en: 'Customer import' },
  order: { zh: '订单', en: 'Order' },
  shop: { zh: '店铺', en: 'Shop' },
};

/** Where a customer's service stands (SERVICE_NOT_LIVE), where a transfer request stands, and what it lacks. */
const SERVICE_STATES: Record<string, { zh: string; en: string }> = {
  active: { zh: '生效中', en: 'active' },
  renewed: { zh: '已续费', en: 'renewed' },
  not_renewed: { zh: '登记为未续费', en: 'recorded as not renewed' },
  transferred: { zh: '转出', en: 'transferred' },
  cancelled: { zh: '取消', en: 'cancelled' },
};
const TRANSFER_STATES: Record<string, { zh: string; en: string }> = {
  pending: { zh: '待审批', en: 'pending' },
  approved: { zh: '批准', en: 'approved' },
  rejected: { zh: '驳回', en: 'rejected' },
};
const TRANSFER_NEEDS: Record<string, { zh: string; en: string }> = {
  certificate: { zh: '客户总经理签字的公司证明', en: 'the certificate signed by the customer\'s general manager' },
  phone_confirmation: { zh: '客服电话确认(客户同意转出)', en: 'a CS phone call in which the customer confirmed' },
};

/** States of a callback, for CALLBACK_NOT_OPEN. */
const CALLBACK_STATES: Record<string, { zh: string; en: string }> = {
  done: { zh: '完成', en: 'done' },
  closed: { zh: '结案', en: 'closed' },
  cancelled: { zh: '取消', en: 'cancelled' },
};

export function notFound(what: keyof typeof NOUNS): AppError {
  return new AppError('NOT_FOUND', { what });
}

const STATUSES: Record<string, { zh: string; en: string }> = {
  new: { zh: '新建', en: 'New' },
  open: { zh: '处理中', en: 'Open' },
  pending: { zh: '待客户反馈', en: 'Pending' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
};

const pick = (table: Record<string, { zh: string; en: string }>, v: string, locale: Locale) =>
  table[v] ? (locale === 'zh-CN' ? table[v].zh : table[v].en) : v;

/** Where a knowledge-base version stands (KB_NOT_IN_REVIEW). */
const KB_VERSION_STATES: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  in_review: { zh: '待审核', en: 'in review' },
  published: { zh: '已发布', en: 'published' },
  rejected: { zh: '已退回', en: 'sent back' },
  superseded: { zh: '已被新版本取代', en: 'superseded' },
};

/** Fields a visitor fills in (PRECHAT_REQUIRED). */
const VISITOR_FIELDS: Record<string, { zh: string; en: string }> = {
  name: { zh: '姓名', en: 'your name' },
  phone: { zh: '电话或邮箱', en: 'a phone number or e-mail' },
};

/** Replaces codes in message parameters (nouns, statuses) with words of the locale. */
export function localizeParams(params: Record<string, ErrorParam>, locale: Locale): Record<string, ErrorParam> {
  const out = { ...params };
  if (typeof out.what === 'string') out.what = pick(NOUNS, out.what, locale);
  if (typeof out.field === 'string') out.field = pick(VISITOR_FIELDS, out.field, locale);
  for (const k of ['from', 'to']) if (typeof out[k] === 'string') out[k] = pick(STATUSES, out[k] as string, locale);
  if (typeof out.status === 'string') out.status = pick(CALLBACK_STATES, out.status, locale);
  if (typeof out.state === 'string') out.state = pick(KB_VERSION_STATES, out.state, locale);
  if (typeof out.serviceState === 'string') out.serviceState = pick(SERVICE_STATES, out.serviceState, locale);
  if (typeof out.transferState === 'string') out.transferState = pick(TRANSFER_STATES, out.transferState, locale);
  if (typeof out.missing === 'string') {
    out.missing = out.missing.split(', ').map((s) => pick(TRANSFER_NEEDS, s, locale)).join(locale === 'zh-CN' ? '和' : ' and ');
  }
  if (typeof out.allowed === 'string') {
    out.allowed = out.allowed.split(', ').map((s) => pick(STATUSES, s, locale)).join(locale === 'zh-CN' ? '、' : ', ');
  }
  return out;
}
