// For messaging *_dbtest.cpp: channel settings and templates on a fresh test database.
#pragma once

#include "identity/app/identity_fixture.h"
#include "messaging/app/channel_settings.h"
#include "messaging/app/message_templates.h"
#include "messaging/store/sql_messaging_store.h"

namespace kvitka::messaging {

class MessagingFixture : public identity::IdentityFixture {
 protected:
  MessagingFixture()
      : deps_{*db_, channel_store_, template_store_, audit_, clock_},
        channels_(deps_),
        templates_(deps_) {
    owner_ = ActorOf(SignUp("owner@example.com"));
    manager_ = owner_;
    manager_.role = identity::Role::kManager;
    admin_ = owner_;
    admin_.role = identity::Role::kAdmin;
    master_ = owner_;
    master_.role = identity::Role::kMaster;
  }

  // Everything the audit log holds for the organization, as one text.
  std::string AuditText() {
    return db_->Read([&](db::Session& s) {
      std::string all;
      for (const auto& e : audit_.List(s, owner_.org_id, identity::AuditFilter{})) {
        all += e.action + " " + e.before_json + " " + e.after_json + "\n";
      }
      return all;
    });
  }

  SqlChannelSettingsStore channel_store_;
  SqlTemplateStore template_store_;
  MessagingDeps deps_;
  ChannelSettings channels_;
  MessageTemplates templates_;
  identity::Actor owner_, manager_, admin_, master_;
};

}  // namespace kvitka::messaging
