import type { Page } from "@playwright/test";

/** Chooses the dataset, column and hours of one series row of a training project. */
export async function chooseSeries(page: Page, row: string, dataset: string, column: string, from: string, to: string): Promise<void> {
  const series = page.getByTestId(row);
  await series.getByLabel("Dataset").selectOption({ label: dataset });
  await series.getByLabel("Column").selectOption(column);
  await series.getByLabel("From (h)").fill(from);
  await series.getByLabel("To (h)").fill(to);
}
