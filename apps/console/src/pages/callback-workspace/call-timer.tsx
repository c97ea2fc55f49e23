import { Button, Progress, Space, Tooltip, Typography } from 'antd';
import { PauseOutlined, PlayCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n-provider.tsx';
import { formatDuration, type CallTimer as Timer } from './use-call-timer.ts';

interface Props {
  timer: Timer;
  /** CBK-05: the call should stay within this */
  targetMinutes: number;
  disabled?: boolean;
}

/** The live call length against the target: green while running, red once past the target. */
export function CallTimer({ timer, targetMinutes, disabled }: Props) {
  const t = useT();
  const target = Math.max(1, targetMinutes) * 60;
  const over = timer.seconds > target;
  const color = over ? '#cf1322' : timer.running ? '#389e0d' : undefined;
  return (
    <div data-testid="call-timer">
      <Space align="center" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text
          style={{ fontSize: 28, fontVariantNumeric: 'tabular-nums', fontFamily: 'ui-monospace, Menlo, monospace', color }}
          data-testid="call-timer-reading"
          data-running={timer.running}
        >
          {formatDuration(timer.seconds)}
        </Typography.Text>
        <Space size={6}>
          <Button
            type={timer.running ? 'default' : 'primary'}
            icon={timer.running ? <PauseOutlined /> : <PlayCircleOutlined />}
            onClick={timer.toggle}
            disabled={disabled}
            data-testid="call-timer-toggle"
          >
            {timer.running ? t('callback.timer.stop') : timer.seconds ? t('callback.timer.resume') : t('callback.timer.start')}
            <span className="kefu-kbd" style={timer.running ? undefined : { color: 'inherit', borderColor: 'rgba(255,255,255,.6)' }}>T</span>
          </Button>
          <Tooltip title={t('callback.timer.reset')}>
            <Button icon={<UndoOutlined />} onClick={timer.reset} disabled={disabled || (!timer.seconds && !timer.running)} aria-label={t('callback.timer.reset')} />
          </Tooltip>
        </Space>
      </Space>
      <Progress
        percent={Math.min(100, Math.round((timer.seconds / target) * 100))}
        showInfo={false}
        size="small"
        status={over ? 'exception' : timer.running ? 'active' : 'normal'}
        strokeColor={over ? undefined : '#52c41a'}
      />
      <Typography.Text type={over ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="call-timer-target">
        {over ? t('callback.timer.overTarget', { n: targetMinutes }) : t('callback.timer.target', { n: targetMinutes })}
      </Typography.Text>
    </div>
  );
}
