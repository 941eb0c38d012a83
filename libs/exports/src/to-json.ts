import { COLUMNS } from './export-row';
import { exportedFile, ExportFile, exportFileName } from './exported-file';
import { FunderExport } from './funder-export';

/**
 * `{ meta, rows }`, 2-space indent, trailing newline. Keys are laid out here in a fixed order rather
 * than trusting how the objects were built, since JSON.stringify follows insertion order.
 */
export function toJson(data: FunderExport): ExportFile {
  const { meta } = data;
  const ordered = {
    meta: {
      projectId: meta.projectId,
      projectName: meta.projectName,
      fund: meta.fund,
      programme: meta.programme,
      specificObjective: meta.specificObjective,
      region: meta.region,
      timeZone: meta.timeZone,
      period: { from: meta.period.from, to: meta.period.to },
      asKnownOn: meta.asKnownOn,
      position: meta.position,
      catalogueVersion: meta.catalogueVersion,
      suppression: { threshold: meta.suppression.threshold, rule: meta.suppression.rule },
    },
    rows: data.rows.map((row) => Object.fromEntries(COLUMNS.map((column) => [column, row[column]]))),
  };
  const text = `${JSON.stringify(ordered, null, 2)}\n`;
  return exportedFile(Buffer.from(text, 'utf8'), 'application/json; charset=utf-8', exportFileName(meta, 'json'));
}
