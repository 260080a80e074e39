import type { ComponentChildren } from 'preact';

/** One column of an office list's table (the list itself and its import preview). */
export interface Column<T> {
  header: string;
  cell: (item: T) => ComponentChildren;
  /** 'shrink': a short value on one line (platform, kind), its column as narrow as the widest. */
  class?: 'shrink';
  /** The column's share of the table ("24%"), so long free text does not take the width from names. */
  width?: `${number}%`;
}

export function ColumnHeads<T>({ columns }: { columns: Column<T>[] }) {
  return (
    <>
      {columns.map((c) => (
        <th scope="col" key={c.header} style={c.width && { width: c.width }}>
          {c.header}
        </th>
      ))}
    </>
  );
}

export function ColumnCells<T>({ columns, item }: { columns: Column<T>[]; item: T }) {
  return (
    <>
      {columns.map((c) => (
        <td key={c.header} class={c.class}>
          {c.cell(item)}
        </td>
      ))}
    </>
  );
}
