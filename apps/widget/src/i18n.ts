// The widget's words: zh-CN by default, en-US when the embed says
// data-locale="en-US" or the page's <html lang> is English.

const zh = {
  title: '在线客服',
  open: '打开在线客服',
  close: '关闭在线客服',
  online: '客服在线',
  away: '客服暂时不在线,可以留言',
  serving: '客服 {name} 为您服务',
  welcome: '您好,请问有什么可以帮您?',
  leaveMessage: '客服暂时不在线,请留言,我们上班后会尽快回复您。',
  preTitle: '开始咨询前,请留下您的信息,方便我们联系您',
  name: '您的称呼',
  contact: '手机号或邮箱',
  topic: '咨询类型',
  choose: '请选择',
  topics: { pre_sales: '售前咨询', after_sales: '售后服务', complaint: '投诉建议' } as Record<string, string>,
  optional: '(选填)',
  start: '开始咨询',
  required: '请填写此项',
  badContact: '请输入正确的手机号或邮箱',
  placeholder: '输入消息,按 Enter 发送',
  message: '消息',
  send: '发送',
  sending: '发送中',
  read: '已读',
  typing: '客服正在输入…',
  agent: '客服',
  end: '结束会话',
  offline: '网络已断开,消息将在恢复后自动发送',
  reconnecting: '连接中断,正在重新连接…',
  rateTitle: '请为本次服务评分',
  stars: ['非常不满意', '不满意', '一般', '满意', '非常满意'],
  star: '{n} 星',
  comment: '还有什么想对我们说的?(选填)',
  submit: '提交评价',
  skip: '跳过',
  back: '返回会话',
  thanks: '感谢您的评价!',
  ended: '会话已结束,如需继续咨询,直接发送消息即可。',
  newChat: '开始新的会话',
  failed: '消息未能发送:',
  unread: '{n} 条新消息',
  log: '聊天记录',
  attach: '发送图片或文件',
  uploading: '上传中',
  uploadFailed: '上传失败',
  retry: '重试',
  remove: '移除',
  tooLarge: '文件太大,不能超过 {n} MB',
  badType: '不支持的文件类型,可发送 JPG、PNG、GIF、WebP 图片或 PDF',
  image: '图片',
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'Chat with us',
  open: 'Open the chat',
  close: 'Close the chat',
  online: 'We are online',
  away: 'We are away: leave a message',
  serving: '{name} is helping you',
  welcome: 'Hello! How can we help you?',
  leaveMessage: 'Nobody is online right now. Leave a message and we will answer as soon as we are back.',
  preTitle: 'Before we start, tell us how to reach you',
  name: 'Your name',
  contact: 'Phone or e-mail',
  topic: 'Topic',
  choose: 'Choose…',
  topics: { pre_sales: 'Before buying', after_sales: 'After-sales service', complaint: 'Complaint or suggestion' },
  optional: ' (optional)',
  start: 'Start the chat',
  required: 'Please fill this in',
  badContact: 'Enter a valid phone number or e-mail address',
  placeholder: 'Type a message, Enter sends',
  message: 'Message',
  send: 'Send',
  sending: 'Sending',
  read: 'Read',
  typing: 'The agent is typing…',
  agent: 'Agent',
  end: 'End chat',
  offline: 'You are offline. Messages will be sent when you are back online.',
  reconnecting: 'Connection lost, reconnecting…',
  rateTitle: 'How did we do?',
  stars: ['Very poor', 'Poor', 'OK', 'Good', 'Excellent'],
  star: '{n} stars',
  comment: 'Anything else you want to tell us? (optional)',
  submit: 'Send rating',
  skip: 'Skip',
  back: 'Back to the chat',
  thanks: 'Thank you for your feedback!',
  ended: 'This chat has ended. Write again to continue.',
  newChat: 'Start a new chat',
  failed: 'Not sent: ',
  unread: '{n} new messages',
  log: 'Chat messages',
  attach: 'Send an image or a file',
  uploading: 'Uploading',
  uploadFailed: 'Upload failed',
  retry: 'Retry',
  remove: 'Remove',
  tooLarge: 'The file is too large; at most {n} MB',
  badType: 'Unsupported file type; send a JPG, PNG, GIF or WebP image, or a PDF',
  image: 'Image',
};

/** the words of a rating scale, worst first: the satisfaction surveys' 2, 3 or 5 points */
export function ratingWords(t: Strings, scale: number): string[] {
  const [, bad, ok, good] = t.stars;
  return scale === 2 ? [bad, good] : scale === 3 ? [bad, ok, good] : t.stars;
}

export function stringsFor(locale: string): Strings {
  return locale === 'en-US' ? en : zh;
}

/** '{n} 星' with n = 5 → '5 星' */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
