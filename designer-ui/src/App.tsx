// App is the Studio landing page until the designer itself arrives.
export function App() {
  return (
    <main>
      <h1>Blankett Studio</h1>
      <p>
        The form designer arrives in a later release. Until then, apps are
        edited as files in their git repository.
      </p>
      <p>
        <a href="/">Open the runtime start page</a>
      </p>
    </main>
  );
}
