export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Podscope</h1>
      </header>
      <main>
        <section className="stage" aria-label="Cluster stage">
          <svg role="img" aria-label="Cluster diagram" viewBox="0 0 1000 600" className="stage-svg" />
        </section>
      </main>
    </div>
  );
}
