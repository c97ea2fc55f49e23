import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts, type ChartOption } from './echarts-setup.ts';

export type { ChartOption };

interface Props {
  option: ChartOption;
  /** the chart needs a height: ECharts draws into the div's box */
  height?: number | string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * One ECharts instance on a div: created on mount, given each new option
 * (replacing the previous one, so removed series disappear), resized with
 * its box, disposed on unmount.
 */
export function EChart({ option, height = 300, style, 'data-testid': testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    // the box changes with the window, the side menu and the drawer it sits in
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} style={{ width: '100%', height, ...style }} data-testid={testId} />;
}
