// One line of the bench table and of bench/report.json.
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly budget: number;
  readonly note?: string;
}
