/** The header row of a table of a series: the time, then each value column with its unit. */
export function SeriesTableHead({ timeLabel, columns }: { timeLabel: string; columns: { name: string; unit?: string }[] }) {
  return (
    <thead>
      <tr>
        <th>{timeLabel}</th>
        {columns.map((column) => (
          <th key={column.name} className="numeric">
            {column.name}
            {column.unit ? <span className="unit"> [{column.unit}]</span> : null}
          </th>
        ))}
      </tr>
    </thead>
  );
}
