import type { FormEvent, ReactNode } from "react";
import { Form } from "@remix-run/react";

/**
 * The top administrator's registers (unions, organiser accounts): a title and its
 * explanation, what the last action did, the table of records, and a card with the form that
 * adds one (posted without JavaScript too). Each page brings its table and its fields; a
 * refusal names the fields it is about (refused() puts each problem under its field).
 */
export function AdminRegister({
  id,
  title,
  intro,
  done,
  table,
  after,
  form,
}: {
  id: string;
  title: string;
  intro: string;
  /** What the last action did (shown as a status), if it worked. */
  done: string | null | undefined;
  /** The records' table: its column headings and its rows. */
  table: { columns: string[]; rows: ReactNode };
  /** Anything between the table and the form (a link to the related register). */
  after?: ReactNode;
  form: {
    title: string;
    submit: string;
    onSubmit: (event: FormEvent<HTMLFormElement>) => void;
    fields: ReactNode;
  };
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="muted">{intro}</p>
      {done ? (
        <p className="alert alert--success" role="status">
          {done}
        </p>
      ) : null}
      <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{table.rows}</tbody>
        </table>
      </div>
      {after}
      <section className="section card" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{form.title}</h2>
        <Form method="post" noValidate onSubmit={form.onSubmit} className="form-grid">
          {form.fields}
          <div className="form-actions">
            <button type="submit" className="btn btn--primary">
              {form.submit}
            </button>
          </div>
        </Form>
      </section>
    </section>
  );
}
