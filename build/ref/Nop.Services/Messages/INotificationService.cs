namespace Nop.Services.Messages;

public partial interface INotificationService
{
    void SuccessNotification(string message, bool encode = true, int timeout = 0);

    void ErrorNotification(string message, bool encode = true, int timeout = 0);
}
