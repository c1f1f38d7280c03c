// Every URL no other route matches: a real 404 status, rendered by the root error boundary.
export async function loader() {
  throw new Response("Not Found", { status: 404 });
}

export default function NotFound() {
  return null;
}
