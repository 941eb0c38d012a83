import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { RouterProvider } from './app/router';
import { LocaleProvider } from './i18n/locale';
import { SessionProvider } from './session/session';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LocaleProvider>
      <RouterProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </RouterProvider>
    </LocaleProvider>
  </StrictMode>,
);
