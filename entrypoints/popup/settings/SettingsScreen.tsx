import { AccountsSettings } from './AccountsSettings';
import { GeneralSettings } from './GeneralSettings';
import { IssuerAccess } from './IssuerAccess';
import { PortfolioNetworks } from './PortfolioNetworks';
import { SecuritySettings } from './SecuritySettings';
import { SitesSettings } from './SitesSettings';

export function SettingsScreen() {
  return (
    <div className="screen">
      <h2>Settings</h2>
      <GeneralSettings />
      <PortfolioNetworks />
      <AccountsSettings />
      <SitesSettings />
      <IssuerAccess />
      <SecuritySettings />
    </div>
  );
}
