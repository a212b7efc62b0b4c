interface ProgressBarProps {
  /** 0…1 */
  value: number;
  done?: boolean;
  label: string;
  text?: string;
}

export function ProgressBar({ value, done = false, label, text }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className={done ? "progress-fill done" : "progress-fill"} style={{ width: `${percent}%` }} />
      </div>
      {text ? <div className="progress-text">{text}</div> : null}
    </div>
  );
}
