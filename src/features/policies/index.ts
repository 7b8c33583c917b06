// The policies feature: the list (the policy page is loaded lazily from components/policy-page).
export { PoliciesPage } from './components/policies-page';
