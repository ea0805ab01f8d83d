import { createRoot } from 'react-dom/client';

function App() {
  return <main data-testid="approval-root">Sharekeep</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
