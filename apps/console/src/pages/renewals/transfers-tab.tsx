import { useState } from 'react';
import { App, Button, Empty, Input, Modal, Popconfirm, Segmented, Space, Tag, Typography, Upload } from 'antd';
import { FileProtectOutlined, PhoneOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { CERTIFICATE_TYPES, TRANSFER_STATUSES, type TransferRequest } from '@kefu/shared/renewals-api';
import { api, buildUrl } from '../../api/client.ts';
import { ResponsiveTable } from '../../components/responsive-table.tsx';
import { useRequest } from '../../hooks/use-request.ts';
import { useT } from '../../i18n/i18n-provider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { useAccess } from '../../session/session-provider.tsx';
import { formatDateTime } from '../../utils/time.ts';
import { PhoneConfirmationModal } from './phone-confirmation-modal.tsx';

const STATUS_COLOR: Record<string, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

/**
 * 转出申请 (CUS-10): each request's paperwork — the certificate signed by the
 * customer's GM, the CS phone confirmation — and, when both are there, the
 * decision. The server refuses an early approval in any case.
 */
export function TransfersTab() {
  const t = useT();
  const access = useAccess();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('pending');
  const list = useRequest(() => api.get<{ items: TransferRequest[] }>('/transfer-requests', { status: status === 'all' ? undefined : status }), [status]);
  const [calling, setCalling] = useState<TransferRequest | null>(null);
  const [rejecting, setRejecting] = useState<TransferRequest | null>(null);
  const [reason, setReason] = useState('');
  const replace = (r: TransferRequest) => list.setData({ items: (list.data?.items ?? []).map((x) => (x.id === r.id ? r : x)) });
  const act = async (work: () => Promise<TransferRequest>, done: MessageKey) => {
    try {
      replace(await work());
      void message.success(t(done));
    } catch {
      // reported by the API client
    }
  };

  return (
    <div data-testid="renewals-transfers">
      <Segmented style={{ marginBottom: 12 }} value={status} onChange={(v) => setStatus(String(v))}
        options={[...TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transfer.status.${s}`) })), { value: 'all', label: t('transfer.all') }]} />
      <ResponsiveTable<TransferRequest>
        size="middle"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: <Empty description={t('transfer.none')} /> }}
        data-testid="transfers-table"
        columns={[
          { title: t('renewal.customer'), dataIndex: 'customerName', render: (n: string, r) => <Link to={`/customers/${r.customerId}`}>{n}</Link> },
          { title: t('renewal.service'), dataIndex: 'serviceName', render: (n: string, r) => <Space size={4} wrap>{n}<Tag>{r.kindName}</Tag></Space> },
          {
            title: t('transfer.receivingParty'), dataIndex: 'receivingParty',
            render: (p: string | null, r) => <Space orientation="vertical" size={0}>{p ?? '—'}<Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.requestedByName} · {formatDateTime(r.createdAt)}</Typography.Text></Space>,
          },
          {
            title: t('transfer.certificate'), key: 'certificate', width: 200,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {r.certificate ? (
                  <a href={buildUrl(`/transfer-requests/${r.id}/certificate`)} target="_blank" rel="noreferrer" data-testid="transfer-certificate-link">
                    <FileProtectOutlined /> {r.certificate.fileName}
                  </a>
                ) : null}
                {r.status === 'pending' && access.renewalManage ? (
                  <Upload
                    accept={CERTIFICATE_TYPES.join(',')}
                    showUploadList={false}
                    customRequest={async ({ file, onSuccess, onError }) => {
                      try {
                        const updated = await api.upload<TransferRequest>(`/transfer-requests/${r.id}/certificate`, file as File);
                        replace(updated);
                        void message.success(t('transfer.uploaded'));
                        onSuccess?.(updated);
                      } catch (err) {
                        onError?.(err as Error);
                      }
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} data-testid="transfer-upload">{t(r.certificate ? 'transfer.replaceCertificate' : 'transfer.uploadCertificate')}</Button>
                  </Upload>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('transfer.phone'), key: 'phone', width: 210,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {r.phoneConfirmation ? (
                  <Typography.Text data-testid="transfer-phone">
                    <Tag color={r.phoneConfirmation.outcome === 'confirmed' ? 'green' : 'orange'}>{t(`transfer.outcome.${r.phoneConfirmation.outcome}`)}</Tag>
                    {r.phoneConfirmation.calledByName} · {formatDateTime(r.phoneConfirmation.calledAt)}
                  </Typography.Text>
                ) : null}
                {r.status === 'pending' && access.renewalManage ? (
                  <Button size="small" icon={<PhoneOutlined />} onClick={() => setCalling(r)} data-testid="transfer-record-phone">{t('transfer.recordPhone')}</Button>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('renewal.status'), dataIndex: 'status', width: 190,
            render: (s: string, r) => (
              <Space orientation="vertical" size={2} data-testid="transfer-status">
                <Tag color={STATUS_COLOR[s]}>{t(`transfer.status.${s as TransferRequest['status']}`)}</Tag>
                {s === 'pending' ? (
                  r.missing.length
                    ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('transfer.missing', { what: r.missing.map((m) => t(`transfer.missing.${m}`)).join('、') })}</Typography.Text>
                    : <Typography.Text type="success" style={{ fontSize: 12 }}>{t('transfer.ready')}</Typography.Text>
                ) : null}
                {r.decidedAt ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('transfer.decided', { name: r.decidedByName, at: formatDateTime(r.decidedAt) })}</Typography.Text> : null}
                {r.rejectReason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.rejectReason}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: t('common.actions'), key: 'actions', width: 170,
            render: (_, r) => (r.status === 'pending' && access.renewalApprove ? (
              <Space size={0} wrap>
                <Popconfirm title={t('transfer.approveConfirm')} okText={t('transfer.approve')} cancelText={t('common.cancel')}
                  okButtonProps={{ 'data-testid': 'transfer-approve-ok' } as Record<string, string>}
                  onConfirm={() => act(() => api.post<TransferRequest>(`/transfer-requests/${r.id}/approve`), 'transfer.approved')}>
                  <Button type="link" size="small" data-testid="transfer-approve">{t('transfer.approve')}</Button>
                </Popconfirm>
                <Button type="link" size="small" danger onClick={() => { setReason(''); setRejecting(r); }}>{t('transfer.reject')}</Button>
              </Space>
            ) : null),
          },
        ]}
      />
      <PhoneConfirmationModal request={calling} onClose={() => setCalling(null)} onDone={(r) => { replace(r); setCalling(null); }} />
      <Modal open={!!rejecting} title={t('transfer.rejectTitle')} onCancel={() => setRejecting(null)} okText={t('transfer.reject')} okButtonProps={{ danger: true, disabled: !reason.trim() }}
        onOk={async () => {
          const r = rejecting!;
          setRejecting(null);
          await act(() => api.post<TransferRequest>(`/transfer-requests/${r.id}/reject`, { reason: reason.trim() }), 'transfer.rejected');
        }}>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('transfer.rejectReason')} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
      </Modal>
    </div>
  );
}
