import { AccountsSettings } from './AccountsSettings';
import { GeneralSettings } from './GeneralSettings';
import { SecuritySettings } from './SecuritySettings';
import { SitesSettings } from './SitesSettings';

export function SettingsScreen() {
  return (
    <div className="screen">
      <h2>Settings</h2>
      <GeneralSettings />
      <AccountsSettings />
      <SitesSettings />
      <SecuritySettings />
    </div>
  );
}
