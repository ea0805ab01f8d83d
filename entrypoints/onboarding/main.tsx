import { createRoot } from 'react-dom/client';

function App() {
  return <main data-testid="onboarding-root">Sharekeep</main>;
}

createRoot(document.getElementById('root')!).render(<App />);
