// One line of the bench table and of bench/report.json.
export interface Metric {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** None for a figure that is reported, not budgeted (its note says why). */
  readonly budget?: number;
  readonly note?: string;
}
