// The policy list: the console's first screen, loaded eagerly; every other feature loads when opened.
export { PoliciesPage } from './policies-page';
